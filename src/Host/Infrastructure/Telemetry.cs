using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Holded.Partners.Host.Infrastructure;

/// <summary>
/// Traces and metrics from ASP.NET Core, Wolverine (messages, handlers), Marten (sessions, the daemon) and Npgsql,
/// exported over OTLP when an endpoint is configured (the standard OTEL_EXPORTER_OTLP_ENDPOINT and friends). Logs
/// carry the trace and span ids in their scope, so a log line finds its request and its messages; `Logging:Json`
/// writes them as JSON lines.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "holded-partners";

    private static bool NotABodyError(string? category, LogLevel level) => level < LogLevel.Error || !BodyShapes.IsBodyCategory(category);

    public static void AddPartnersTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        // A body of the wrong shape is the caller's mistake, not our error (the problem writer logs it as information).
        // Added to every configured rule rather than as a rule of its own: a rule with no category and no level would
        // win over Logging:LogLevel:Default and let every category's debug entries through (a tenth of the host's CPU
        // under load, writing a debug line per message handled).
        builder.Services.PostConfigure<LoggerFilterOptions>(o =>
        {
            var rules = o.Rules.ToList();
            o.Rules.Clear();
            foreach (var rule in rules)
                o.Rules.Add(new LoggerFilterRule(rule.ProviderName, rule.CategoryName, rule.LogLevel, (provider, category, level) =>
                    (rule.Filter?.Invoke(provider, category, level) ?? true) && NotABodyError(category, level)));
            // First, so that any configured rule wins over it: where none applies, the minimum level still does.
            o.Rules.Insert(0, new LoggerFilterRule(null, null, o.MinLevel, (_, category, level) => NotABodyError(category, level)));
        });
        if (builder.Configuration.GetValue<bool>("Logging:Json"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint)) return; // nothing to export to: no listeners, no cost
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource("Wolverine", "Marten", "Npgsql")
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Wolverine", "Marten", "Npgsql")
                .AddOtlpExporter());
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.AddOtlpExporter();
        });
    }
}
