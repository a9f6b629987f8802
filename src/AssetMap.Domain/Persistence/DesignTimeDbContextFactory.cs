using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AssetMap.Domain.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database or host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<AssetMapDbContext>
{
    public AssetMapDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__AssetMap")
            ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=assetmap";
        var options = new DbContextOptionsBuilder<AssetMapDbContext>();
        PersistenceRegistration.Configure(options, connectionString);
        return new AssetMapDbContext(options.Options);
    }
}
