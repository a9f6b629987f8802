using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace AssetMap.Api.Infrastructure;

/// <summary>Writes a problem body whatever the request's Accept header says (the fallback writer below sees to that).</summary>
internal static class ProblemResponses
{
    public const string MediaType = "application/problem+json";

    /// <summary>Sets the status and writes the problem; <see cref="ProblemJsonFallbackWriter"/> takes any Accept header.</summary>
    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new() { HttpContext = context, ProblemDetails = problem });
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
