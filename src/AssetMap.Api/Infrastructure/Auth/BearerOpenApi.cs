using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>
/// The OpenAPI document declares the bearer scheme, and each operation that needs sign-in says so (with its 401/403),
/// so generated clients and Swagger UI's "Authorize" button send the token only where it matters.
/// </summary>
internal sealed class BearerOpenApi : IOperationFilter, IDocumentFilter
{
    public const string SchemeId = "bearer";

    public static void AddTo(SwaggerGenOptions options)
    {
        options.OperationFilter<BearerOpenApi>();
        options.DocumentFilter<BearerOpenApi>();
    }

    /// <summary>Declared only in documents that have an operation needing it (not the public Open Referral feed).</summary>
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        if (!context.ApiDescriptions.Any(d => NeedsSignIn(d.ActionDescriptor.EndpointMetadata)))
        {
            return;
        }

        swaggerDoc.Components ??= new();
        swaggerDoc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        swaggerDoc.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the configured authority (in Development: `dotnet user-jwts create --project src/AssetMap.Api --role editor`). Public reads need no token.",
        };
    }

    private static bool NeedsSignIn(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (!NeedsSignIn(metadata))
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid bearer token (or sign-in cookie)." });
        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
        {
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, without a role this needs." });
        }
    }
}
