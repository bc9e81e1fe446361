using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Holded.Partners.Access.State;

/// <summary>
/// The access version one HTTP request answers: the highest read after a commit of it that changed access. Whatever
/// module's endpoint wrote (a grant, a member, a manager, a plan, an end), the change and every module's consequence of
/// it commit in one transaction (see Kernel's <c>Tell</c>), so the version read after that commit covers all of them.
/// </summary>
public sealed class AnsweredVersion
{
    private static readonly AsyncLocal<AnsweredVersion?> Current = new();
    private long _version;

    /// <summary>The request this code runs for, when it runs for one (not a queued message's handler).</summary>
    internal static AnsweredVersion? OfThisRequest => Current.Value;

    public long? Version => Interlocked.Read(ref _version) is > 0 and var v ? v : null;

    internal void Committed(long version)
    {
        for (var seen = Interlocked.Read(ref _version); seen < version; seen = Interlocked.Read(ref _version))
            if (Interlocked.CompareExchange(ref _version, version, seen) == seen) return;
    }

    /// <summary>A request begins: what it commits from here on (in this flow of execution) is answered.</summary>
    internal static AnsweredVersion Begin() => Current.Value = new AnsweredVersion();
}

public static class AnsweredVersions
{
    /// <summary>
    /// Every answer of a request that changed access carries its version in the Access-Version header (a 204 has no
    /// body to carry it, and the bodies stay the shapes their GETs answer). A request that changed nothing carries none.
    /// </summary>
    public static IApplicationBuilder UseAccessVersions(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var answered = AnsweredVersion.Begin();
        context.Response.OnStarting(() =>
        {
            if (answered.Version is { } version) context.Response.Headers[AccessVersions.Header] = AccessVersions.Format(version);
            return Task.CompletedTask;
        });
        await next(context);
    });
}
