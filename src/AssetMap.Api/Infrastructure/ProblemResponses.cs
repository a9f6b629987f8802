using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Infrastructure;

/// <summary>Writes a problem body whatever the request's Accept header says.</summary>
internal static class ProblemResponses
{
    public const string MediaType = "application/problem+json";

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        var service = context.RequestServices.GetService<IProblemDetailsService>();
        if (service is not null && await service.TryWriteAsync(new() { HttpContext = context, ProblemDetails = problem }))
        {
            return;
        }

        // No writer took it (WriteAsync would have thrown, leaving an empty 500): write the problem ourselves.
        problem.Extensions.TryAdd("traceId", context.TraceIdentifier);
        await context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, MediaType, context.RequestAborted);
    }
}

/// <summary>
/// The default problem writer declines a client that accepts neither JSON nor anything at all (Accept: text/html or
/// application/xml), and the status-code and exception middleware then send a plain-text or empty body. An error
/// answer is a problem document for every client: this writer, registered after the default one, takes the rest.
/// </summary>
internal sealed class ProblemJsonFallbackWriter(IOptions<ProblemDetailsOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        options.Value.CustomizeProblemDetails?.Invoke(context);
        return new(context.HttpContext.Response.WriteAsJsonAsync(problem, json.Value.SerializerOptions, ProblemResponses.MediaType, context.HttpContext.RequestAborted));
    }
}
