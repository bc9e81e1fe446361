namespace Holded.Partners.Access.State;

/// <summary>
/// How often the change feed proves its connection alive, how old that proof may be for memory to serve, and how long a
/// request asking for a version this node has not heard yet waits for it before reading the database.
/// </summary>
public sealed record FeedSettings(TimeSpan Heartbeat, TimeSpan StaleAfter, TimeSpan CatchUpWait)
{
    // A live feed hears a commit within milliseconds: a node that has not within a tenth of a second is cut off or
    // far behind, and the database answers sooner than waiting longer would.
    public static readonly FeedSettings Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(100));
}

/// <summary>
/// Whether this node's memory may answer: its change feed listens, and the feed's connection answered a round trip (or
/// delivered a notification) within <see cref="FeedSettings.StaleAfter"/>. A connection that dies without a reset — a
/// dropped network path, a frozen server — stops memory serving within that time, whether or not the feed has noticed.
/// </summary>
public sealed class FeedHealth(FeedSettings settings, TimeProvider clock)
{
    private volatile bool _listening;
    private long _confirmedAt;
    private volatile bool _confirmed;

    public FeedSettings Settings { get; } = settings;

    /// <summary>This node's listener as PostgreSQL names it (application_name).</summary>
    public string Name { get; } = $"partners-access-feed-{Guid.NewGuid():N}"[..36];

    public bool Listening => _listening;

    public bool Serves => _listening && _confirmed && clock.GetElapsedTime(Interlocked.Read(ref _confirmedAt)) < Settings.StaleAfter;

    public void Confirmed()
    {
        Interlocked.Exchange(ref _confirmedAt, clock.GetTimestamp());
        _confirmed = true;
    }

    internal void Listen(bool listening) => _listening = listening;
}
