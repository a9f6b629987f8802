using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Categories;
using AssetMap.Api.Features.Directory;
using AssetMap.Api.Features.Health;
using AssetMap.Api.Features.PcnAreas;
using AssetMap.Api.Features.Postcodes;
using AssetMap.Api.GraphQL;
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
builder.Services.AddAssetMapCors();
builder.Services.AddAssetMapOutputCache();
builder.Services.AddAssetSearch();
builder.Services.AddAssetMapGraphQL(builder.Environment);
builder.Services.AddAssetMapDirectory(builder.Configuration);

var app = builder.Build();

// Request logging outermost, so it records the status the client got after error handling.
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseNulCharacterGuard();
app.UseAssetMapOpenApi();
app.UseGraphiQLAssets();
app.UseDirectoryAssets(app.Environment);
app.UseGeoJsonSuffix();
app.UseRouting();
app.UseCors();
app.UseOutputCache();

app.MapHealthEndpoints();
app.MapAssetEndpoints();
app.MapPcnAreaEndpoints();
app.MapPostcodeEndpoints();
app.MapCategoryEndpoints();
app.MapGraphQLEndpoint();
app.MapGraphiQLPage();
app.MapRazorPages();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The API host; public so WebApplicationFactory can start it in tests.</summary>
public partial class Program;
