using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;

namespace Holded.Partners.Marketplace.Conversations;

public sealed record MessageView(Guid MessageId, string Side, string AuthorUserId, string AuthorName, string Text, DateTimeOffset At, long Position);

/// <summary>
/// A conversation with a page of its messages: the latest, oldest first; <paramref name="OlderBefore"/>, when there are
/// older ones, is the <c>before</c> that reads the page before. It holds the <see cref="ConversationView"/> as the
/// projection keeps it, and answers as one object: the view's fields, then what the page adds.
/// </summary>
[JsonConverter(typeof(ConversationDetailJson))]
public sealed record ConversationDetail(ConversationView Conversation, IReadOnlyList<MessageView> Messages, long? OlderBefore);

/// <summary>The detail as one flat object: the view's own fields (whatever they are), then the messages and the cursor.</summary>
public sealed class ConversationDetailJson : JsonConverter<ConversationDetail>
{
    public override void Write(Utf8JsonWriter writer, ConversationDetail value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var field in JsonSerializer.SerializeToElement(value.Conversation, options).EnumerateObject()) field.WriteTo(writer);
        writer.WritePropertyName(Name(nameof(ConversationDetail.Messages), options));
        JsonSerializer.Serialize(writer, value.Messages, options);
        writer.WritePropertyName(Name(nameof(ConversationDetail.OlderBefore), options));
        JsonSerializer.Serialize(writer, value.OlderBefore, options);
        writer.WriteEndObject();
    }

    public override ConversationDetail Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var json = JsonElement.ParseValue(ref reader);
        T? Field<T>(string name) => json.TryGetProperty(Name(name, options), out var v) ? v.Deserialize<T>(options) : default;
        return new ConversationDetail(json.Deserialize<ConversationView>(options)!,
            Field<List<MessageView>>(nameof(ConversationDetail.Messages)) ?? [], Field<long?>(nameof(ConversationDetail.OlderBefore)));
    }

    private static string Name(string property, JsonSerializerOptions options) => options.PropertyNamingPolicy?.ConvertName(property) ?? property;
}

public static class GetConversationEndpoint
{
    public const int DefaultMessages = 50;
    public const int MaxMessages = 200;

    public static async Task<(ConversationView?, ConversationParties?)> LoadAsync(Guid id, IQuerySession session, CancellationToken ct)
    {
        var view = await session.LoadAsync<ConversationView>(id, ct);
        return view is null ? (null, null)
            : (view, await ConversationParties.LoadAsync(session, view.Id, view.ClientAccountId, view.PartnerAccountId, ct));
    }

    public static ProblemDetails Validate(ConversationParties? parties, long? before, int? limit, Caller caller) =>
        ConversationAccess.RequireParticipant(parties, caller) is { Status: not null } refused ? refused
        : new Check()
            .That(before is null or > 0, "before", "must be a position a page of messages gave as olderBefore.")
            .That(limit is null or >= 1 and <= MaxMessages, "limit", $"must be between 1 and {MaxMessages}.")
            .Result();

    [WolverineGet("/api/v1/conversations/{id}")]
    public static async Task<ConversationDetail> Get([NotBody] ConversationView view, long? before, int? limit, IQuerySession session, CancellationToken ct)
    {
        var size = limit ?? DefaultMessages;
        var upTo = before ?? long.MaxValue;
        // The messages are the stream's own events: a page of them is read by position, newest first, one more than
        // asked to know whether older ones remain.
        var page = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == view.Id && e.EventTypeName == MarketplaceModule.MessagePostedName && e.Version < upTo)
            .OrderByDescending(e => e.Version).Take(size + 1).ToListAsync(ct);
        var messages = page.Take(size).Reverse().Select(e => (e, m: (MessagePosted)e.Data))
            .Select(x => new MessageView(x.m.MessageId, x.m.Side, x.m.AuthorUserId, x.m.AuthorName, x.m.Text, x.e.At(), x.e.Version)).ToList();
        return new ConversationDetail(view, messages, page.Count > size ? messages[0].Position : null);
    }
}
