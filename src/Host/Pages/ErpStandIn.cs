using System.Net.Http.Json;
using Holded.Partners.Host.Infrastructure;
using Holded.Partners.Kernel;
using Holded.Partners.Kernel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Holded.Partners.Host.Pages;

/// <summary>What the stand-in was told by introspection (POST /api/v1/access/introspect), as much as it shows.</summary>
public sealed record StandInIntrospection(bool Active, string? Reason, Guid? SessionId, Guid? ClientAccountId, string? UserId, DateTimeOffset? ExpiresAt,
    IReadOnlyDictionary<string, string>? Permissions);

/// <summary>
/// A small stand-in of the ERP, in Development only (no ERP runs beside a developer's portal; Erp:Url left out points
/// here): it receives the portal's hand-off and asks this API, as the ERP would — over HTTP, with a service token of a
/// configured service client (Auth:ServiceClients) carrying the partners.access.check scope — what the delegated token
/// allows; and it answers the "Ir a …" deep links by saying where the real ERP would open. Nothing here is the product.
/// </summary>
public static class ErpStandIn
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [AllowAnonymous] // the ERP's own door: it trusts the token it is handed, not the portal's cookie
    [WolverinePost(ErpOptions.StandIn + "/partners/handoff")]
    public static async Task<IResult> HandOff(HttpContext context, IHostEnvironment environment, IConfiguration configuration, IServer server)
    {
        if (!DevelopmentIdentities.Offered(environment, configuration)) return Results.Problem(Problems.NotFound("page"));
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var token = form?["access_token"].ToString() ?? "";
        var service = configuration["Auth:ServiceClients"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var key = configuration["Auth:DevelopmentSigningKey"];
        StandInIntrospection? seen = null;
        string? trouble = null;
        if (service is null || string.IsNullOrEmpty(key)) trouble = "Auth:ServiceClients and Auth:DevelopmentSigningKey are needed for the stand-in to call the API as the ERP.";
        else if (token.Length == 0) trouble = "No access_token was posted.";
        else
        {
            var erpToken = DevelopmentTokens.Issue(key, $"{service}-standin", null, null, null, [ServiceScopes.AccessCheck], TimeSpan.FromMinutes(5), clientId: service);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Self(server), "/api/v1/access/introspect")) { Content = JsonContent.Create(new { token }) };
            request.Headers.Authorization = new("Bearer", erpToken);
            using var response = await Http.SendAsync(request, context.RequestAborted);
            if (response.IsSuccessStatusCode) seen = await response.Content.ReadFromJsonAsync<StandInIntrospection>(context.RequestAborted);
            else trouble = $"The API answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(context.RequestAborted)}";
        }
        return Portal.Render<ErpStandInPage>(context, await Portal.ViewAsync(context), new { Introspection = seen, Trouble = trouble });
    }

    [AllowAnonymous]
    [WolverineGet(ErpOptions.StandIn + "/{**path}")]
    public static async Task<IResult> DeepLink(string path, Guid? account, HttpContext context, IHostEnvironment environment, IConfiguration configuration)
    {
        if (!DevelopmentIdentities.Offered(environment, configuration)) return Results.Problem(Problems.NotFound("page"));
        return Portal.Render<ErpStandInPage>(context, await Portal.ViewAsync(context), new { DeepLink = "/" + path, Account = account });
    }

    // This host's own address, as the server listens (never the request's Host header, which a caller chooses).
    private static Uri Self(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var uri = new Uri(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1"));
        return new UriBuilder(uri) { Path = "/" }.Uri;
    }
}
