using AssetMap.TestSupport;

[assembly: AssemblyFixture(typeof(TemplateCleanup))]
