namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Every answer says not to guess its type; every page also says where it may load from and that no other site may
/// frame it. Our pages run no script at all; the API reference (/docs) runs its own, from this site.
/// </summary>
public static class SecurityHeaders
{
    // form-action names the ERP too: the session page hands the delegated token over by a POST form (Erp:Url).
    private static string Pages(string? erp) =>
        $"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'{(erp is null ? "" : " " + erp)}; frame-ancestors 'none'; base-uri 'none'";

    private const string Reference =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; " +
        "font-src 'self' data: https:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void UseSecurityHeaders(this WebApplication app)
    {
        var pages = Pages(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Kernel.ErpOptions>>().Value.Origin);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") || context.Request.Path.StartsWithSegments("/scalar")
                        ? Reference : pages;
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "same-origin";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
