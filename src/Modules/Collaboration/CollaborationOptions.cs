namespace Holded.Partners.Collaboration;

/// <summary>Collaboration: how long an ended collaboration's streams stay live before they are archived.</summary>
public sealed class CollaborationOptions
{
    public const string Section = "Collaboration";

    /// <summary>
    /// From its end to the archiving of its streams. Nothing a person reads changes then (read models and history reads
    /// keep them); the time is there for an operator's replay or a late redelivery to find them live.
    /// </summary>
    public TimeSpan ArchiveEndedAfter { get; set; } = TimeSpan.FromDays(30);
}
