using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Wolverine.Http;

namespace Holded.Partners.Host.Infrastructure;

public static class Http
{
    public static void AddPartnersHttp(this WebApplicationBuilder builder)
    {
        builder.Services.AddPartnersErrors();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddWolverineHttp();
        builder.Services.AddPartnersOpenApi();
        builder.Services.AddRazorComponents(); // pages rendered on the server by Razor components (no interactivity)
        // Spanish stays readable in the pages ("Algún", not "Alg&#xFA;n"); only what HTML needs is escaped.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddSingleton<Kernel.IUseCases, InProcessUseCases>(); // how a page runs the API's own use case
        Kernel.ErpOptions.AddTo(builder.Services); // where the portal hands members over to the ERP (Erp:Url), checked at start
        // Every rate limit any module sets answers 429 (as problem details, by the status pages).
        builder.Services.Configure<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // A number is a JSON number: "3" is refused, and the API's description says integer, not integer-or-string.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        builder.Services.AddSingleton<Operations.ProjectionsCaughtUp>(); // one instance: it remembers having caught up
        builder.Services.AddHealthChecks()
            .AddNpgSql(builder.Configuration.GetConnectionString("Partners")!, name: "postgresql", tags: ["ready"])
            .AddCheck<Operations.ProjectionsCaughtUp>("projections", tags: ["ready"])
            .AddCheck<Operations.DeadLetters>("dead_letters", tags: ["ready"])
            .AddCheck<Demo.DemoLoaded>("demo_data", tags: ["ready"]);
    }

    /// <summary>live: the process answers. ready: PostgreSQL answers too, and the async projections have caught up.</summary>
    public static void MapPartnersHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Report }).AllowAnonymous();
    }

    // The status alone when all is well; otherwise what is wrong, check by check.
    private static Task Report(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var problems = report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Status}: {e.Value.Description ?? e.Value.Exception?.Message}");
        return context.Response.WriteAsync(string.Join("\n", problems.Prepend(report.Status.ToString())));
    }

    /// <summary>
    /// Behind a proxy (deploy/), the client's address comes from X-Forwarded-For — trusted only from loopback and the
    /// networks in Http:ProxyNetworks (CIDR, comma-separated) — so rate limits are per visitor, not per proxy.
    /// </summary>
    public static void UsePartnersForwardedHeaders(this WebApplication app)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        };
        foreach (var network in (app.Configuration["Http:ProxyNetworks"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"Http:ProxyNetworks must list CIDR networks such as 10.0.0.0/8, comma-separated; \"{network}\" is not one."));
        app.UseForwardedHeaders(options);
    }
}
