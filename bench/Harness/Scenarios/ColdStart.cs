using System.Diagnostics;

namespace Holded.Partners.Bench.Scenarios;

/// <summary>
/// Cold start to the first 200: the published host (code generated at build, no compiler) against a plain ASP.NET Core
/// app, each started as a fresh process several times, alternating; the medians are compared. Between them, the stack
/// alone (bench/StackFloor: Marten and Wolverine configured as the host's, no module): the part of the host's start that
/// is the stack's.
/// </summary>
public static class ColdStart
{
    public static async Task<IReadOnlyList<Row>> Run(Options o, IReadOnlyDictionary<string, string> benchmarkEnvironment)
    {
        // As a node starts in production: the schema applied beforehand (the deploy step), and for the host an OIDC authority.
        var floorEnvironment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Partners"] = benchmarkEnvironment["ConnectionStrings__Partners"], ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        var hostEnvironment = new Dictionary<string, string>(floorEnvironment)
        {
            ["Auth__Authority"] = "https://login.example.com/", ["Auth__Audience"] = "holded-partners", ["Erp__Url"] = "https://app.holded.com/",
            ["Auth__PortalClientId"] = "holded-partners-portal",
            ["Access__SessionSigningKey"] = benchmarkEnvironment["Access__SessionSigningKey"],
            ["Audit__SigningKeyFile"] = benchmarkEnvironment["Audit__SigningKeyFile"],
        };
        await HostCommand.Run(o, benchmarkEnvironment, "db-apply");
        await HostCommand.Run(o, o.StackFloorDll, benchmarkEnvironment, "db-apply");
        var host = new List<double>();
        var stack = new List<double>();
        var plain = new List<double>();
        for (var i = 0; i < o.Starts; i++)
        {
            host.Add(await FirstOk(o.HostDll, o.HostPort + 10, hostEnvironment, "/health/live", o));
            stack.Add(await FirstOk(o.StackFloorDll, o.HostPort + 11, floorEnvironment, "/health/live", o));
            plain.Add(await FirstOk(o.BaselineDll, o.BaselinePort + 10, new Dictionary<string, string>(), "/health", o));
        }
        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        var (h, s, p) = (Median(host), Median(stack), Median(plain));
        return
        [
            // What the modules add to the stack they run on (issue 17): the host against the stack alone.
            Row.Times("cold start to first 200", h, "Marten + Wolverine alone (bench/StackFloor)", s, "ms", 1.15, new { hostMs = host, stackMs = stack, plainMs = plain }),
            // Shown: what the stack itself costs against a plain app, and the host against that plain app.
            Row.Times("cold start, Marten + Wolverine alone", s, "plain ASP.NET Core app", p, "ms", null, new { stackMs = stack, plainMs = plain }),
            Row.Times("cold start, the host", h, "plain ASP.NET Core app", p, "ms", null, new { hostMs = host, plainMs = plain }),
        ];
    }

    private static async Task<double> FirstOk(string dll, int port, IReadOnlyDictionary<string, string> environment, string path, Options o)
    {
        var started = Stopwatch.GetTimestamp();
        await using var server = Server.Start(dll, port, environment, Path.Combine(o.Logs, $"start-{Path.GetFileNameWithoutExtension(dll)}.log"));
        return Math.Round((await server.WaitFor(path, started, TimeSpan.FromSeconds(60))).TotalMilliseconds);
    }
}
