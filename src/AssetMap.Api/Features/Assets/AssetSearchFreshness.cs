using System.Linq.Expressions;
using AssetMap.Api.Features.Freshness;
using AssetMap.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace AssetMap.Api.Features.Assets;

/// <summary>
/// <see cref="FreshnessOptions"/> as SQL predicates for one search, at one instant: an entry is overdue when its kind's
/// review interval has passed since it was last checked (or created, if never checked), and hidden from search when
/// overdue by more than <see cref="FreshnessOptions.HideAfterOverdueMonths"/>. The cut-offs are parameters, so the
/// statements stay the same shape (and prepared) from one request to the next.
/// </summary>
internal sealed class AssetSearchFreshness
{
    private AssetSearchFreshness(Expression<Func<Asset, bool>> overdue, Expression<Func<Asset, bool>> fresh, Expression<Func<Asset, bool>>? shown)
    {
        Overdue = overdue;
        Fresh = fresh;
        Shown = shown;
        var overdueRank = Expression.Condition(overdue.Body, Expression.Constant(1), Expression.Constant(0));
        OverdueLast = Expression.Lambda<Func<Asset, int>>(overdueRank, overdue.Parameters);
    }

    /// <summary>Due for review.</summary>
    public Expression<Func<Asset, bool>> Overdue { get; }

    /// <summary>Not due for review.</summary>
    public Expression<Func<Asset, bool>> Fresh { get; }

    /// <summary>0 for fresh, 1 for overdue: an order key that puts overdue entries after fresh ones.</summary>
    public Expression<Func<Asset, int>> OverdueLast { get; }

    /// <summary>Not overdue for so long that search leaves it out; null when nothing is hidden.</summary>
    public Expression<Func<Asset, bool>>? Shown { get; }

    /// <summary>A match near a point: its distance (as the KNN operator measures it) and whether it is overdue.</summary>
    public sealed record NearRow(Guid Id, double Metres, bool Overdue, bool Hidden);

    /// <summary>The band a distance falls in: up to 1 km, 1–3 km, 3–5 km, beyond (edges belong to the nearer band).</summary>
    public static int Band(double metres) => metres <= 1_000 ? 0 : metres <= 3_000 ? 1 : metres <= 5_000 ? 2 : 3;

    /// <summary>Projects a match to a <see cref="NearRow"/> in SQL.</summary>
    public Expression<Func<Asset, NearRow>> KnnRow(NetTopologySuite.Geometries.Point point)
    {
        Expression<Func<Asset, double>> metres = a => EF.Functions.DistanceKnn(a.PublicLocation, point);
        var asset = Overdue.Parameters[0];
        var constructor = typeof(NearRow).GetConstructors()[0];
        var body = Expression.New(constructor,
            Expression.Property(asset, nameof(Asset.Id)),
            new Rebind(metres.Parameters[0], asset).Visit(metres.Body),
            Overdue.Body,
            Shown is null ? Expression.Constant(false) : new Rebind(Shown.Parameters[0], asset).Visit(Expression.Not(Shown.Body)));
        return Expression.Lambda<Func<Asset, NearRow>>(body, asset);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    public static AssetSearchFreshness At(DateTimeOffset now, FreshnessOptions options)
    {
        var hub = now.AddMonths(-options.IntervalMonths(AssetKind.Hub));
        var business = now.AddMonths(-options.IntervalMonths(AssetKind.MicroEnterprise));
        var activity = now.AddMonths(-options.IntervalMonths(AssetKind.Activity));
        Expression<Func<Asset, bool>> overdue = a => (a.LastVerifiedAt ?? a.CreatedAt) < (a.Kind == AssetKind.Hub ? hub : a.Kind == AssetKind.MicroEnterprise ? business : activity);
        Expression<Func<Asset, bool>> fresh = a => (a.LastVerifiedAt ?? a.CreatedAt) >= (a.Kind == AssetKind.Hub ? hub : a.Kind == AssetKind.MicroEnterprise ? business : activity);
        if (options.HideAfterOverdueMonths <= 0)
        {
            return new AssetSearchFreshness(overdue, fresh, null);
        }

        var hubHidden = hub.AddMonths(-options.HideAfterOverdueMonths);
        var businessHidden = business.AddMonths(-options.HideAfterOverdueMonths);
        var activityHidden = activity.AddMonths(-options.HideAfterOverdueMonths);
        Expression<Func<Asset, bool>> shown = a => (a.LastVerifiedAt ?? a.CreatedAt)
            >= (a.Kind == AssetKind.Hub ? hubHidden : a.Kind == AssetKind.MicroEnterprise ? businessHidden : activityHidden);
        return new AssetSearchFreshness(overdue, fresh, shown);
    }
}
