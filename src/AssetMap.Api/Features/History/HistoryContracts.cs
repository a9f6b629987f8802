using AssetMap.Domain.History;

namespace AssetMap.Api.Features.History;

/// <summary>One change to an entry.</summary>
/// <param name="Id">Increasing: the order changes were written.</param>
/// <param name="EntityType">asset, …</param>
/// <param name="EntityId">The changed record.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Action">created, updated, archived, verified…</param>
/// <param name="Actor">Who (the account name, or the import's operator).</param>
/// <param name="Source">api, web, import, suggestion or system.</param>
/// <param name="SourceDetail">Where exactly: API client and request, page, import file/sheet/row, suggestion.</param>
/// <param name="Changes">Each changed field's before and after.</param>
public sealed record HistoryEntryResponse(
    long Id, string EntityType, Guid EntityId, DateTimeOffset OccurredAt, string Action, string Actor, AuditSource Source, string? SourceDetail,
    IReadOnlyList<FieldChange> Changes);

/// <summary>A page of the directory-wide audit, newest first.</summary>
/// <param name="Items">The entries.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Entries per page.</param>
/// <param name="Total">Entries matching the filters.</param>
public sealed record AuditPageResponse(IReadOnlyList<HistoryEntryResponse> Items, int Page, int PageSize, int Total);
