using System.Security.Claims;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;

namespace AssetMap.Api.Features.Uploads;

/// <summary>
/// Spreadsheet upload for editors, through the importer library: <c>POST /api/v1/imports</c> (multipart, field
/// <c>file</c>) stores, sniffs and dry-runs the file and answers 202 with a job to poll; <c>POST …/apply</c> applies it.
/// </summary>
internal static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder routes)
    {
        var imports = routes.MapGroup("/api/v1/imports").RequireAuthorization(AuthPolicies.Editor).WithTags("Imports");
        imports.MapPost("/", UploadImport)
            .WithName(nameof(UploadImport))
            .WithSummary("Upload a CVS spreadsheet (XLSX or CSV) to import (editors)")
            .WithDescription("multipart/form-data with the file in field 'file'; dryRun=false (query) applies at once, otherwise a dry run comes first (apply it with POST /api/v1/imports/{id}/apply). The type is judged from the content, never the name. Answers 202 with the job; poll its Location.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        imports.MapGet("/{id:guid}", GetImport)
            .WithName(nameof(GetImport))
            .WithSummary("An upload's import job: status, progress and, when done, the report (editors)")
            .Produces<ImportJobResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        imports.MapPost("/{id:guid}/apply", ApplyImport)
            .WithName(nameof(ApplyImport))
            .WithSummary("Apply a finished dry run (editors)")
            .Produces<ImportJobResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        imports.MapGet("/{id:guid}/rejects", GetImportRejects)
            .WithName(nameof(GetImportRejects))
            .WithSummary("The rejected rows as a spreadsheet, to fix and upload again (editors)")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    /// <summary>Upload a spreadsheet.</summary>
    /// <param name="dryRun">false to apply at once; default true (check first).</param>
    /// <param name="http">The request (its multipart body is streamed to disk, never buffered whole).</param>
    /// <param name="user">The uploading editor.</param>
    /// <param name="jobs">The import jobs.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> UploadImport(bool? dryRun, HttpContext http, ClaimsPrincipal user, ImportJobs jobs, CancellationToken ct)
    {
        if (http.Request.ContentLength > jobs.MaxUploadBytes + MultipartOverhead)
        {
            return TooLarge(jobs);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = jobs.MaxUploadBytes + MultipartOverhead;
        }

        if (!MediaTypeIsMultipart(http.Request.ContentType, out var boundary))
        {
            return Invalid("file", "Send the spreadsheet as multipart/form-data, in a field named 'file'.");
        }

        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (section.AsFileSection() is { Name: "file" } file && file.FileStream is { } stream)
                {
                    var (job, refusal) = await jobs.StartAsync(stream, file.FileName, dryRun ?? true, user.Identity?.Name ?? "unknown", ct);
                    return job is null ? Refused(refusal, jobs) : TypedResults.Accepted($"/api/v1/imports/{job.Id}", job.ToResponse());
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(jobs);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // MultipartReader throws IOException for a body that ends before its first section.
            return Invalid("file", "The multipart body is malformed.");
        }

        return Invalid("file", "No file: send the spreadsheet in a form field named 'file'.");
    }

    /// <summary>An import job.</summary>
    /// <param name="id">The job's id.</param>
    /// <param name="jobs">The import jobs.</param>
    private static IResult GetImport(Guid id, ImportJobs jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(job.ToResponse()) : NotFound(id);

    /// <summary>Apply a dry run.</summary>
    /// <param name="id">The dry run's job id.</param>
    /// <param name="user">The applying editor.</param>
    /// <param name="jobs">The import jobs.</param>
    /// <param name="ct">Cancelled when the client goes away.</param>
    private static async Task<IResult> ApplyImport(Guid id, ClaimsPrincipal user, ImportJobs jobs, CancellationToken ct)
    {
        var (job, refusal) = await jobs.ApplyAsync(id, user.Identity?.Name ?? "unknown", ct);
        return job is null ? Refused(refusal, jobs, id) : TypedResults.Accepted($"/api/v1/imports/{job.Id}", job.ToResponse());
    }

    /// <summary>The rejects file.</summary>
    /// <param name="id">The apply job's id.</param>
    /// <param name="jobs">The import jobs.</param>
    private static IResult GetImportRejects(Guid id, ImportJobs jobs) =>
        jobs.Find(id) is { HasRejectsFile: true } job
            ? TypedResults.PhysicalFile(job.RejectsPath,
                job.RejectsPath.EndsWith(".xlsx", StringComparison.Ordinal) ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv",
                Path.GetFileName(job.RejectsPath))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No rejects file",
                detail: $"Import {id} has no rejects file: it is unknown, a dry run, or rejected no rows.");

    // Room for the multipart boundaries and part headers around a file at the limit.
    private const long MultipartOverhead = 64 * 1024;

    internal static IResult Refused(UploadRefusal refusal, ImportJobs jobs, Guid? id = null) => refusal switch
    {
        UploadRefusal.TooLarge => TooLarge(jobs),
        UploadRefusal.NotASpreadsheet => TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Not a spreadsheet",
            detail: "The file is neither an Excel workbook (.xlsx) nor a CSV text file, whatever its name says. Save it from Excel as .xlsx or .csv and upload that.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = ["Not an .xlsx workbook or CSV text."] } }),
        UploadRefusal.Busy => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Another import is running",
            detail: "One import runs at a time (an upload or a command-line import). Try again when it has finished."),
        UploadRefusal.NotADryRun => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a finished dry run",
            detail: $"Import {id} cannot be applied: only a finished dry run can, once."),
        _ => NotFound(id ?? Guid.Empty),
    };

    private static ProblemHttpResult TooLarge(ImportJobs jobs) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            detail: $"Uploads are limited to {jobs.MaxUploadBytes / (1024 * 1024)} MB (Imports:MaxUploadBytes). Split the spreadsheet, or import it from the command line.",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [$"Larger than {jobs.MaxUploadBytes / (1024 * 1024)} MB."] } });

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Import not found", detail: $"No import job has id '{id}' (jobs are kept until the server restarts).");

    private static ProblemHttpResultWithErrors Invalid(string field, string message)
    {
        var errors = new ParameterErrors();
        errors.Add(field, message);
        return errors.ToProblem();
    }

    private static bool MediaTypeIsMultipart(string? contentType, out string boundary)
    {
        boundary = "";
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        boundary = Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(media.Boundary).Value ?? "";
        return boundary.Length > 0;
    }
}
