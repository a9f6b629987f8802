using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Categories;
using AssetMap.Api.Features.Directory;
using AssetMap.Api.Features.Editing;
using AssetMap.Api.Features.Evidence;
using AssetMap.Api.Features.Freshness;
using AssetMap.Api.Features.Health;
using AssetMap.Api.Features.History;
using AssetMap.Api.Features.OpenReferral;
using AssetMap.Api.Features.PcnAreas;
using AssetMap.Api.Features.Postcodes;
using AssetMap.Api.Features.Suggestions;
using AssetMap.Api.Features.TimeBank;
using AssetMap.Api.Features.TimeBank.Near;
using AssetMap.Api.Features.Uploads;
using AssetMap.Api.GraphQL;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAssetMapLogging(builder.Configuration);
builder.Services.AddAssetMapTelemetry(builder.Configuration);
builder.Services.AddAssetMapHosts(builder.Configuration);
builder.Services.AddAssetMapSecurityHeaders(builder.Configuration);
builder.Services.AddAssetMapRateLimiting();
builder.Services.AddAssetMapAuth(builder.Configuration);

builder.Services.AddAssetMapPersistence(
    DatabaseResilience.ForApiConnection(builder.Configuration.GetConnectionString("AssetMap")), DatabaseResilience.ForApi(builder.Configuration));
builder.Services.AddAssetMapRequestBudget(builder.Configuration);
// On SIGTERM Kestrel stops accepting and lets in-flight requests finish (each is bounded by RequestBudget) before exit.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("ShutdownTimeoutSeconds", 15)));
builder.Services.AddDatabaseStartup(builder.Configuration);
builder.Services.AddAssetMapProblemDetails();
builder.Services.AddAssetMapJson();
builder.Services.AddAssetMapHealthChecks();
builder.Services.AddAssetMapOpenApi();
builder.Services.AddAssetMapCors();
builder.Services.AddAssetMapOutputCache();
builder.Services.AddAssetSearch();
builder.Services.AddOpenReferralFeed();
builder.Services.AddAssetMapGraphQL(builder.Environment);
builder.Services.AddAssetMapDirectory(builder.Configuration);
builder.Services.AddAssetEditing();
builder.Services.AddAssetMapFreshness(builder.Configuration);
builder.Services.AddAssetMapImports(builder.Configuration);
builder.Services.AddTimeBank();

var app = builder.Build();

// Forwarded headers and the host check first: everything after sees the real client and a vetted Host.
app.UseAssetMapHosts();
app.UseAssetMapSecurityHeaders();
// Request logging outside error handling, so it records the status the client got.
app.UseSerilogRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseUnsafeTextGuard();
app.UseAssetMapOpenApi();
app.UseGraphiQLAssets();
app.UseDirectoryAssets(app.Environment);
app.UseGeoJsonSuffix();
app.UseRouting();
app.UseCors();
// Before rate limiting: signed-in callers get their own, larger budget.
app.UseAssetMapAuth();
app.UseAssetMapRateLimiting();
app.UseRequestTimeouts();
app.UseOutputCache();

app.MapHealthEndpoints();
app.MapMeEndpoint();
app.MapAssetEndpoints();
app.MapEditingEndpoints();
app.MapHistoryEndpoints();
app.MapSuggestionEndpoints();
app.MapPcnAreaEndpoints();
app.MapPostcodeEndpoints();
app.MapCategoryEndpoints();
app.MapOpenReferralEndpoints();
app.MapReviewEndpoints();
app.MapEvidenceEndpoints();
app.MapImportEndpoints();
app.MapTimeBankEndpoints();
app.MapMembersNearEndpoints();
app.MapGraphQLEndpoint();
app.MapGraphiQLPage();
app.MapRazorPages();

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>The API host; public so WebApplicationFactory can start it in tests.</summary>
public partial class Program;
