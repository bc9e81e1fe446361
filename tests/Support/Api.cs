using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;
using Wolverine.Tracking;

namespace Holded.Partners.Testing;

/// <summary>An answer from the API: status, headers and the JSON body, for assertions.</summary>
public sealed record Reply(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, string? ContentType)
{
    public JsonNode? Json => Body.Length == 0 ? null : JsonNode.Parse(Body);
    public JsonNode this[string property] => Json![property]!;
    public T As<T>() => JsonSerializer.Deserialize<T>(Body, Api.Json)!;
    public Guid Id => Guid.Parse(this["value"].GetValue<string>());

    // Assertion messages print a reply: its status and body, never a property that may not apply (Id).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Status = {Status}, Body = {Body}");
        return true;
    }

    public Reply ShouldBe(HttpStatusCode status)
    {
        Status.ShouldBe(status, $"body: {Body}");
        return this;
    }

    /// <summary>A 422 naming exactly these rules.</summary>
    public Reply ShouldRefuse(params string[] rules)
    {
        ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Json!["rules"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).Order().ShouldBe(rules.Order(), Body);
        return this;
    }

    /// <summary>A 400 problem naming at least these fields.</summary>
    public Reply ShouldBeInvalid(params string[] fields)
    {
        ShouldBeProblem(HttpStatusCode.BadRequest);
        var errors = Json!["errors"]!.AsObject().Select(e => e.Key).ToArray();
        foreach (var field in fields) errors.ShouldContain(field, Body);
        return this;
    }

    /// <summary>Problem details by the one convention (a type and title per status), naming no .NET type, never a stack trace.</summary>
    public Reply ShouldBeProblem(HttpStatusCode status)
    {
        ShouldBe(status);
        ContentType.ShouldBe("application/problem+json");
        Body.ShouldNotContain("   at "); // never a stack trace
        Json!["type"]!.GetValue<string>().ShouldBe($"https://httpstatuses.io/{(int)status}", Body);
        Json["title"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        Json["detail"]!.GetValue<string>().ShouldNotBeNullOrWhiteSpace();
        Body.ShouldNotMatch(@"Holded\.Partners\.|System\.[A-Z]|Microsoft\.[A-Z]", "a .NET type name reached the caller");
        return this;
    }
}

/// <summary>A running host the tests drive: over HTTP, and watched for the messages it handles.</summary>
public interface IRunningApp
{
    Microsoft.Extensions.Hosting.IHost Host { get; }
    HttpClient CreateClient();
}

/// <summary>Drives the API over HTTP through the real host, as a client would.</summary>
public sealed class Api(IRunningApp app)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Reply> Send(HttpMethod method, string url, Actor? who, object? body = null, string? rawBody = null, string? accept = null)
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(method, url);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (who is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", who.Token);
        if (rawBody is not null) request.Content = new StringContent(rawBody, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Headers, response.Content.Headers.ContentType?.MediaType);
    }

    // A bound, never a wait: a machine with two cores building beside the tests took over 30 s for one request's work.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);

    /// <summary>Runs the action, waits for every message it caused, and returns the messages.</summary>
    public async Task<IReadOnlyList<object>> Messages(Func<Task> action)
    {
        var tracked = await app.Host.TrackActivity().Timeout(Settle)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(_ => action()));
        return tracked.AllRecordsInOrder().Select(r => r.Envelope.Message).Where(m => m is not null).Distinct().ToList()!;
    }

    /// <summary>Runs the action and waits until every message it caused, in every module, has been handled.</summary>
    public async Task<T> Settled<T>(Func<Task<T>> action)
    {
        T result = default!;
        var tracked = await app.Host.TrackActivity().Timeout(Settle)
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => result = await action()));
        // A message heard in batches is done, as far as tracking sees, once it joins a batch; its batch runs a moment
        // later, and its envelope stays in the durable inbox until it has.
        if (tracked.AllRecordsInOrder().Any(r => r.Envelope.Message is { } m && Holded.Partners.Notifications.NotificationsModule.Batched.Contains(m.GetType())))
            await PartnersApp.QuietAsync(app.Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Partners")!);
        return result;
    }

    public Task Settled(Func<Task> action) => Settled(async () => { await action(); return true; });

    public Task<Reply> Get(string url, Actor? who) => Send(HttpMethod.Get, url, who);

    /// <summary>A GET answered 200, read as the endpoint's own record (<see cref="Reply.As{T}"/>).</summary>
    public async Task<T> GetAs<T>(string url, Actor? who) => (await Get(url, who)).ShouldBe(HttpStatusCode.OK).As<T>();
    public Task<Reply> Post(string url, Actor? who, object? body = null) => Send(HttpMethod.Post, url, who, body);
    public Task<Reply> Put(string url, Actor? who, object? body) => Send(HttpMethod.Put, url, who, body);
    public Task<Reply> Delete(string url, Actor? who) => Send(HttpMethod.Delete, url, who);
}
