using System.Security.Claims;
using System.Text.Json;
using Holded.Partners.Kernel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Runs an API endpoint for a page, in this process: the endpoint's own generated handler (its Load, Validate,
/// decision and transaction), with the page's signed-in person as the request's user, the same retry of a passing
/// failure and the same problem details for a failure as over HTTP. Only the API's endpoints can be run this way.
/// </summary>
internal sealed class InProcessUseCases(EndpointDataSource endpoints, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    ILogger<InProcessUseCases> logger) : IUseCases
{
    private IReadOnlyList<(RouteEndpoint Endpoint, TemplateMatcher Matcher, IReadOnlyList<string> Methods)>? _api;

    public async Task<UseCaseAnswer> InvokeAsync(HttpContext page, string method, string path, object? command = null)
    {
        // A read's filters come as a query string ("/api/v1/notifications?unread=true"): routes match the path alone.
        var q = path.IndexOf('?');
        var query = q >= 0 ? new QueryString(path[q..]) : QueryString.Empty;
        if (q >= 0) path = path[..q];
        var values = new RouteValueDictionary();
        var found = Api().FirstOrDefault(e => e.Methods.Contains(method, StringComparer.OrdinalIgnoreCase) && e.Matcher.TryMatch(path, values));
        if (found.Endpoint is null) throw new ArgumentException($"No API endpoint answers {method} {path}.", nameof(path));

        var person = await WebIdentity.CurrentAsync(page);
        var request = new DefaultHttpContext { RequestServices = page.RequestServices, User = person ?? new ClaimsPrincipal() };
        request.Request.Method = method.ToUpperInvariant();
        request.Request.Scheme = page.Request.Scheme;
        request.Request.Host = page.Request.Host;
        request.Request.Path = path;
        request.Request.QueryString = query;
        request.Request.RouteValues = values;
        request.Request.Headers.Accept = "application/json";
        request.Request.Headers.AcceptLanguage = Language.Of(page.Request); // the language the page speaks, switch included
        if (command is not null)
        {
            request.Request.ContentType = "application/json";
            request.Request.Body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(command, command.GetType(), json.Value.SerializerOptions));
        }
        var answer = new MemoryStream();
        request.Response.Body = answer;
        request.RequestAborted = page.RequestAborted;
        request.SetEndpoint(found.Endpoint);

        if (found.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && person is null)
            await ErrorResponses.Write(request, StatusCodes.Status401Unauthorized, "Sign in to do this.");
        else
            try
            {
                await TransientFailures.RunAgainIfTransient(request, () => found.Endpoint.RequestDelegate is { } run ? run(request) : Task.CompletedTask, logger);
            }
            catch (Exception e)
            {
                request.Response.Clear();
                await ErrorResponses.Answer(request, e, logger);
            }

        if (!HttpMethods.IsGet(method)) Kernel.Web.Portal.Forget(page); // what the page knows of the person may have changed
        var status = request.Response.StatusCode;
        if (answer.Length == 0) return new UseCaseAnswer(status, null);
        answer.Position = 0;
        using var body = await JsonDocument.ParseAsync(answer, cancellationToken: page.RequestAborted);
        return new UseCaseAnswer(status, body.RootElement.Clone());
    }

    // The API's endpoints, read once: the pages are not use cases, and nothing else may be run this way.
    private IReadOnlyList<(RouteEndpoint Endpoint, TemplateMatcher Matcher, IReadOnlyList<string> Methods)> Api() => _api ??= [.. endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<HttpChain>() is not null && e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
        .Select(e => (Endpoint: e, Template: TemplateParser.Parse(e.RoutePattern.RawText!)))
        .OrderBy(e => RoutePrecedence.ComputeInbound(e.Template)) // "/clients" before "/{id}", as routing does
        .Select(e => (e.Endpoint, new TemplateMatcher(e.Template, new RouteValueDictionary()),
            (IReadOnlyList<string>)(e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])))];
}
