using System.Linq.Expressions;
using AssetMap.Api.Features.Freshness;
using AssetMap.Domain.Assets;

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
