using System.Runtime.CompilerServices;

namespace AssetMap.Api.Tests.Infrastructure;

internal static class TestProcess
{
    /// <summary>
    /// Every test host in this process is one client (TestServer has no peer address) sending thousands of requests, so
    /// rate limits are off for all of them by default, including factories added later; an environment variable is
    /// the one setting every <c>WebApplicationFactory</c> reads. <c>RateLimitingTests</c> switches them back on.
    /// </summary>
    [ModuleInitializer]
    internal static void SwitchOffRateLimits() => Environment.SetEnvironmentVariable("RateLimiting__Enabled", "false");
}
