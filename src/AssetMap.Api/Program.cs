using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Health;
using AssetMap.Api.Infrastructure;
using AssetMap.Domain.Persistence;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture));

builder.Services.AddAssetMapPersistence(builder.Configuration.GetConnectionString("AssetMap"));
builder.Services.AddDatabaseStartup(builder.Configuration);
builder.Services.AddAssetMapProblemDetails();
builder.Services.AddAssetMapJson();
builder.Services.AddAssetMapHealthChecks();
builder.Services.AddAssetMapOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSerilogRequestLogging();
app.UseAssetMapOpenApi();

app.MapHealthEndpoints();
app.MapAssetEndpoints();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The API host; public so WebApplicationFactory can start it in tests.</summary>
public partial class Program;
