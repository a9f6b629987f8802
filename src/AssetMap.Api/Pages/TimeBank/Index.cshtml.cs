using AssetMap.Api.Features.TimeBank.Web;
using AssetMap.Api.Infrastructure.Auth;
using AssetMap.Domain.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AssetMap.Api.Pages.TimeBank;

/// <summary>The broker's member list: search by words, skill and status, each member with their balance.</summary>
[Authorize(Policy = AuthPolicies.Broker)]
internal sealed class IndexModel(AssetMapDbContext db) : PageModel
{
    public IReadOnlyList<MemberRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int Current { get; private set; } = 1;

    public int Pages => (Total + MemberList.PageSize - 1) / MemberList.PageSize;

    public string? Words { get; private set; }

    public string? Skill { get; private set; }

    public string Status { get; private set; } = "current";

    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];

    public Dictionary<string, string> CategoryNames { get; private set; } = [];

    public async Task OnGetAsync(string? q, string? skill, string? status, int? p, CancellationToken ct)
    {
        Words = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Status = MemberList.Statuses.Any(s => s.Value == status) ? status! : "current";
        Current = Math.Max(p ?? 1, 1);
        Categories = await TimeBankChoices.CategoriesAsync(db, ct);
        CategoryNames = await TimeBankChoices.CategoryNamesAsync(db, ct);
        var group = Categories.FirstOrDefault(g => g.Slug == skill);
        string[] skills = group is not null ? [group.Slug, .. group.Children.Select(c => c.Slug)]
            : skill is not null && CategoryNames.ContainsKey(skill) ? [skill] : [];
        Skill = skills.Length > 0 ? skill : null;
        (Rows, Total) = await MemberList.SearchAsync(db, Words, skills, Status, Current, ct);
    }

    public string Href(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Words,
        ["skill"] = Skill,
        ["status"] = Status,
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null)).ToUriComponent().Insert(0, "/timebank");
}
