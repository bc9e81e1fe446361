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
