using AssetMap.Api.Features.Assets;
using AssetMap.Domain.Assets;

namespace AssetMap.Api.Features.Freshness;

/// <summary>An entry due for review.</summary>
/// <param name="Id">The asset's id.</param>
/// <param name="Slug">Its slug.</param>
/// <param name="Kind">hub, microEnterprise or activity.</param>
/// <param name="Name">Its name.</param>
/// <param name="Status">draft or published.</param>
/// <param name="Verification">Its state (due, overdue, unverified), last check and due date.</param>
/// <param name="VerifyHref">POST here to confirm it unchanged.</param>
public sealed record ReviewDueItem(Guid Id, string Slug, AssetKind Kind, string Name, AssetStatus Status, VerificationResponse Verification, string VerifyHref);

/// <summary>A page of the review list, most overdue first.</summary>
/// <param name="Items">This page.</param>
/// <param name="Page">Page number, from 1.</param>
/// <param name="PageSize">Entries per page.</param>
/// <param name="TotalCount">Entries due within the window or overdue.</param>
/// <param name="TotalPages">Number of pages.</param>
/// <param name="WithinDays">The window asked for.</param>
public sealed record ReviewDuePage(IReadOnlyList<ReviewDueItem> Items, int Page, int PageSize, int TotalCount, int TotalPages, int WithinDays);

/// <summary>An entry confirmed unchanged.</summary>
/// <param name="Id">The asset's id.</param>
/// <param name="Verification">Fresh again: checked now, due one interval from now.</param>
public sealed record VerifiedResponse(Guid Id, VerificationResponse Verification);
