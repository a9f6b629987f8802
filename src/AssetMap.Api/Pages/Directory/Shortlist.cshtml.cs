using AssetMap.Api.Features.Assets.ReadModel;
using AssetMap.Api.Features.Directory;
using AssetMap.Api.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace AssetMap.Api.Pages.Directory;

/// <summary>
/// The shortlist: from <c>?ids=</c> (a shared link) or the session cookie; add, remove and clear as form posts; a print
/// view with a QR code per entry. The posts carry antiforgery tokens like every form: with sign-in, a forged post would
/// act in a signed-in person's session.
/// </summary>
internal sealed class ShortlistModel(AssetReader reader, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AssetView> Entries { get; private set; } = [];

    /// <summary>True when the page shows a shared link's entries rather than the visitor's own list.</summary>
    public bool Shared { get; private set; }

    public DateTime NowLocal { get; private set; }

    public string ShareLink => $"{Request.Scheme}://{Request.Host}/shortlist?ids={Shortlist.Format(Entries.Select(e => e.Id))}";

    public async Task OnGetAsync(string? ids, CancellationToken ct)
    {
        Shared = ids is not null;
        var wanted = Shared ? Shortlist.Parse(ids) : Shortlist.Read(Request);
        var found = await reader.FindManyAsync(wanted, ct);
        Entries = [.. wanted.Where(found.ContainsKey).Select(id => found[id])];
        NowLocal = UkTime.Now(clock);
    }

    public IActionResult OnPostAdd(Guid id, string? returnUrl)
    {
        var ids = Shortlist.Read(Request);
        if (id != Guid.Empty && !ids.Contains(id) && ids.Count < Shortlist.MaxEntries)
        {
            ids.Add(id);
        }

        Shortlist.Write(Response, ids);
        return Answer(ids, returnUrl);
    }

    public IActionResult OnPostRemove(Guid id)
    {
        var ids = Shortlist.Read(Request);
        ids.Remove(id);
        Shortlist.Write(Response, ids);
        return Answer(ids, "/shortlist");
    }

    /// <summary>Keeps a shared list as this visitor's own.</summary>
    public IActionResult OnPostKeep(string? ids)
    {
        var kept = Shortlist.Parse(ids);
        Shortlist.Write(Response, kept);
        return Answer(kept, "/shortlist");
    }

    public IActionResult OnPostClear()
    {
        Shortlist.Write(Response, []);
        return Answer([], "/shortlist");
    }

    /// <summary>An SVG QR code linking to one entry's page.</summary>
    public async Task<IActionResult> OnGetQrAsync(Guid id, CancellationToken ct)
    {
        if (await reader.FindAsync(new AssetKey(id, null), null, ct) is not { } view)
        {
            return NotFound();
        }

        using var data = QRCodeGenerator.GenerateQrCode($"{Request.Scheme}://{Request.Host}/directory/{view.Slug}", QRCodeGenerator.ECCLevel.M);
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(new SvgQRCode(data).GetGraphic(4), "image/svg+xml");
    }

    // Scripts ask for JSON (the count) to stay on the page; forms are redirected back (post/redirect/get).
    private IActionResult Answer(List<Guid> ids, string? returnUrl) =>
        Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal)
            ? new JsonResult(new { count = ids.Count })
            : LocalRedirect(Shortlist.SafeReturn(returnUrl));
}
