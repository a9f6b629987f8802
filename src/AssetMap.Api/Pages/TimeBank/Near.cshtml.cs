using AssetMap.Api.Features.Categories;
using AssetMap.Api.Features.TimeBank.Near;
using AssetMap.Api.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.TimeBank;

/// <summary>
/// A practitioner's "time-bank members near this person": a postcode and a need, answered in distance bands with the
/// broker's contact. A GET form, so it works without JavaScript; the request log records the path, not the postcode.
/// </summary>
[Authorize(Policy = AuthPolicies.Practitioner)]
internal sealed class NearModel(MembersNear near, CategoryTree categories) : PageModel
{
    private const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Postcode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Skill { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int? PageNumber { get; set; }

    public IReadOnlyList<CategoryNode> Skills { get; private set; } = [];

    public MembersNearPage? Result { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public bool Asked => Request.Query.ContainsKey("postcode") || Skill is not null;

    public int Current => PageNumber ?? 1;

    public int PageCount => Result is null ? 0 : (Result.TotalCount + PageSize - 1) / PageSize;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Skills = await categories.GetAsync(ct);
        if (!Asked)
        {
            return;
        }

        var (result, errors) = await near.FindAsync(
            new MembersNearQuery { Postcode = Postcode ?? "", Skill = Skill, Page = PageNumber, PageSize = PageSize },
            MembersNearFieldNames.Web,
            ct);
        Result = result;
        Errors = errors.Errors;
    }

    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string Href(int page) =>
        $"/timebank/near?postcode={Uri.EscapeDataString(Postcode ?? "")}&skill={Uri.EscapeDataString(Skill ?? "")}&page={page}";
}
