namespace AssetMap.Api.GraphQL;

/// <summary>
/// The GraphiQL IDE at <c>/graphql/ui</c>: <c>wwwroot/graphql-ui/index.html</c>, which loads the
/// GraphiQL and React bundles the build copies from node_modules into <c>wwwroot/lib/graphiql/</c>
/// and posts queries to <c>/graphql</c>. Everything is served locally; no CDN.
/// </summary>
internal static class GraphiQLPage
{
    public const string Route = "/graphql/ui";

    private const string PageFile = "graphql-ui/index.html";

    /// <summary>Maps <c>GET /graphql/ui</c> (routing also matches <c>/graphql/ui/</c>) to the page; hidden from OpenAPI.</summary>
    public static IEndpointRouteBuilder MapGraphiQLPage(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet(Route, ServePage).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Serves the web root's static files, among them the GraphiQL bundles under <c>/lib/graphiql/</c>.</summary>
    public static IApplicationBuilder UseGraphiQLAssets(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseStaticFiles();
    }

    private static IResult ServePage(IWebHostEnvironment environment, HttpContext context)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(PageFile);
        if (!file.Exists || file.IsDirectory)
        {
            return Results.NotFound();
        }

        // The page names unversioned bundle URLs: make browsers revalidate rather than keep a stale copy.
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Stream(file.CreateReadStream(), "text/html; charset=utf-8", lastModified: file.LastModified);
    }
}
