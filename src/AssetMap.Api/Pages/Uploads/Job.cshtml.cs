using AssetMap.Api.Features.Uploads;
using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Uploads;

/// <summary>An upload's import: progress while it runs (the page refreshes itself), then the report and "Apply".</summary>
[Authorize(Policy = AuthPolicies.Editor)]
internal sealed class JobModel(ImportJobs jobs) : PageModel
{
    public ImportJob Job { get; private set; } = null!;

    public string? Error { get; private set; }

    public IActionResult OnGet(Guid id)
    {
        if (jobs.Find(id) is not { } job)
        {
            return NotFound();
        }

        Job = job;
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(Guid id, CancellationToken ct)
    {
        var (job, refusal) = await jobs.ApplyAsync(id, User.Identity?.Name ?? "unknown", ct);
        if (job is not null)
        {
            return RedirectToPage(new { id = job.Id });
        }

        if (jobs.Find(id) is not { } dry)
        {
            return NotFound();
        }

        Job = dry;
        Error = refusal == UploadRefusal.Busy ? "Another import is running. Try again when it has finished." : "This check has already been applied.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
