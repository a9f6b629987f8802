using AssetMap.Api.Features.Assets.ReadModel;

namespace AssetMap.Api.Features.Directory;

/// <summary>A map over the list it enhances; <paramref name="AreaCode"/> draws that PCN area's boundary.</summary>
internal sealed record MapModel(DirectoryOptions Options, string? AreaCode, string Label, bool Small = false);

/// <summary>Results as a list, the map's text alternative.</summary>
internal sealed record ResultListModel(IReadOnlyList<AssetHit> Hits, DateTime NowLocal, bool Headings = true);

/// <summary>GOV.UK pagination.</summary>
internal sealed record PaginationModel(int Current, int Count, Func<int, string> Href);

/// <summary>The "add to shortlist" button for one entry.</summary>
internal sealed record ShortlistButtonModel(Guid Id, string Name, string ReturnUrl);
