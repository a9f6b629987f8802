using System.Threading.RateLimiting;

namespace AssetMap.Api.Infrastructure.Auth;

/// <summary>
/// The per-account half of the sign-in limit (the per-address half is <see cref="RateLimiting.SignInPolicy"/>): an
/// attacker spreading guesses at one account over many addresses still gets only this many tries, on top of Identity's
/// lockout. Keyed by the normalised name typed, whether or not such an account exists, so the answer reveals nothing.
/// </summary>
internal sealed class SignInThrottle(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ =>
        {
            var limit = (configuration.GetSection(RateLimiting.Section).Get<RateLimitingOptions>() ?? new()).SignInPerAccount;
            return new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, limit.PermitLimit),
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        }), StringComparer.Ordinal);

    private readonly bool _enabled = configuration.GetValue($"{RateLimiting.Section}:Enabled", true);

    /// <summary>False when this account name has had its tries for now.</summary>
    public bool TryAcquire(string userName)
    {
        if (!_enabled)
        {
            return true;
        }

        using var lease = _limiter.AttemptAcquire(userName.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
