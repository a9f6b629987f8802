using AssetMap.Api.Features.History;
using AssetMap.Api.Infrastructure;
using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.Admin;

/// <summary>The directory-wide audit for admins, filtered by person and date, paged.</summary>
[Authorize(Policy = AuthPolicies.Admin)]
internal sealed class AuditModel(AuditQueries audit) : PageModel
{
    public string? Actor { get; private set; }

    public string? From { get; private set; }

    public string? To { get; private set; }

    public AuditPageResponse? Result { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(string? actor, string? from, string? to, int? page, CancellationToken ct)
    {
        (Actor, From, To) = (actor, from, to);
        var errors = new ParameterErrors();
        var filter = AuditFilter.TryParse(actor, from, to, page, 50, errors);
        if (errors.Any)
        {
            Errors = errors.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Result = await audit.PageAsync(filter, ct);
    }

    public string PageLink(int page) =>
        $"/admin/audit?actor={Uri.EscapeDataString(Actor ?? "")}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&page={page}";
}
