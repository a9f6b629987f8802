using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AssetMap.Api.Features.TimeBank;

/// <summary>A request header an endpoint reads itself (Idempotency-Key, If-Match), so the OpenAPI contract shows it.</summary>
internal sealed record RequestHeader(string Name, bool Required, string Description);

/// <summary>Adds each endpoint's <see cref="RequestHeader"/> metadata to its operation as a header parameter.</summary>
internal sealed class RequestHeaderOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var header in context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RequestHeader>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = header.Name,
                In = ParameterLocation.Header,
                Required = header.Required,
                Description = header.Description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
