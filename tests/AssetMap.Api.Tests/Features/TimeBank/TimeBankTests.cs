using AssetMap.Api.Tests.Infrastructure;

namespace AssetMap.Api.Tests.Features.TimeBank;

/// <summary>Every time-bank test ends by checking the ledger's invariants (<see cref="LedgerInvariants"/>).</summary>
public abstract class TimeBankTests(ApiFactory api) : IAsyncLifetime
{
    protected ApiFactory Api { get; } = api;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await LedgerInvariants.AssertHoldAsync(Api);
        GC.SuppressFinalize(this);
    }
}
