using AssetMap.TestSupport;
using AssetMap.Web.Tests.Infrastructure;

// One seeded database, one Kestrel server and one browser for the whole run: each test opens its own browser context.
[assembly: AssemblyFixture(typeof(TemplateCleanup))]
[assembly: AssemblyFixture(typeof(WebServer))]
