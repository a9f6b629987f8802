using AssetMap.Api.Features.Uploads;
using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Uploads;

/// <summary>The upload form: a spreadsheet goes in, a dry run starts, the job page shows its report.</summary>
[Authorize(Policy = AuthPolicies.Editor)]
[RequestFormLimits(MultipartBodyLengthLimit = 256L * 1024 * 1024)]
[RequestSizeLimit(256L * 1024 * 1024)]
internal sealed class IndexModel(ImportJobs jobs) : PageModel
{
    public Dictionary<string, string[]> Errors { get; } = [];

    public long MaxMegabytes => jobs.MaxUploadBytes / (1024 * 1024);

    // The form and request limits above are generous on purpose: the importer's own limit (Imports:MaxUploadBytes)
    // decides, so an oversize file gets this page's error message rather than a bare 413 from the server.
    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Errors["file"] = ["Choose a spreadsheet (.xlsx or .csv) to upload."];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (file.Length > jobs.MaxUploadBytes)
        {
            return Refuse(UploadRefusal.TooLarge);
        }

        await using var stream = file.OpenReadStream();
        var (job, refusal) = await jobs.StartAsync(stream, file.FileName, dryRun: true, User.Identity?.Name ?? "unknown", ct);
        return job is null ? Refuse(refusal) : RedirectToPage("Job", new { id = job.Id });
    }

    private PageResult Refuse(UploadRefusal refusal)
    {
        (Response.StatusCode, Errors["file"]) = refusal switch
        {
            UploadRefusal.TooLarge => (StatusCodes.Status413PayloadTooLarge, [$"The file is larger than {MaxMegabytes} MB: split it, or import it from the command line."]),
            UploadRefusal.NotASpreadsheet => (StatusCodes.Status415UnsupportedMediaType, ["The file is not an Excel workbook (.xlsx) or a CSV file, whatever its name says. Save it from Excel as .xlsx or .csv."]),
            _ => (StatusCodes.Status409Conflict, new[] { "Another import is running. Try again when it has finished." }),
        };
        return Page();
    }
}
