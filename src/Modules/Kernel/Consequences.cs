using System.Reflection;
using Marten;
using Wolverine;

namespace Holded.Partners.Kernel;

/// <summary>
/// Marks a static class whose public static <c>Handle(message, IDocumentSession)</c> methods are this module's part in
/// another module's change, done in the very transaction that records the change (see <see cref="Tell"/>). It is for
/// what access is decided from — each module's copy of accounts and collaborations, grants, assignments: a command that
/// revokes access commits together with every module's consequence of it, or not at all, so no reader on any node can
/// see the change without its consequences. A Handle returns <c>Task</c>, or a task of the messages it tells in turn.
/// The same handlers also hear each message once more from their module's durable queue, one at a time: idempotent by
/// the source stream's version, they change nothing then — unless a copy is being rebuilt (<c>redeliver</c>), or a
/// sender published the message without telling it, which this second hearing makes good.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class InSendersTransactionAttribute : Attribute;

/// <summary>
/// What a command tells the other modules. Returned by an endpoint or handler, it runs before the command's transaction
/// commits: every module's <see cref="InSendersTransactionAttribute"/> consequence of each message is applied in that
/// transaction (and of what they tell in turn), then each message goes through the durable outbox to everything else
/// that listens (notifications, mail), as any cascaded message does.
/// </summary>
public sealed class Tell(IReadOnlyList<object> messages) : ISideEffect
{
    public Tell(params object[] messages) : this((IReadOnlyList<object>)messages) { }

    public IReadOnlyList<object> Messages { get; } = messages;

    public Task ExecuteAsync(IDocumentSession session, IMessageContext bus, Consequences consequences) =>
        consequences.TellAsync(Messages, session, bus);
}

/// <summary>Every module's <see cref="InSendersTransactionAttribute"/> consequences, found once at start-up, by message type.</summary>
public sealed class Consequences
{
    private delegate Task<IEnumerable<object>> Consequence(object message, IDocumentSession session);

    private readonly IReadOnlyDictionary<Type, Consequence[]> _of;

    public Consequences(IEnumerable<Assembly> modules)
    {
        var found = from module in modules.Distinct()
                    from type in module.GetTypes()
                    where type.GetCustomAttribute<InSendersTransactionAttribute>() is not null
                    from method in type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                    where method.Name == "Handle"
                    select (Message: method.GetParameters()[0].ParameterType, Consequence: Wrap(method));
        _of = found.GroupBy(c => c.Message).ToDictionary(g => g.Key, g => g.Select(c => c.Consequence).ToArray());
    }

    /// <summary>
    /// Applies the consequences of each message, and of the messages they tell, in breadth-first order on this session,
    /// and publishes every one of them through the bus (the outbox of the same transaction).
    /// </summary>
    public async Task TellAsync(IEnumerable<object> messages, IDocumentSession session, IMessageBus bus)
    {
        var pending = new Queue<object>(messages);
        while (pending.TryDequeue(out var message))
        {
            foreach (var consequence in _of.GetValueOrDefault(message.GetType()) ?? [])
                foreach (var next in await consequence(message, session))
                    pending.Enqueue(next);
            await bus.PublishAsync(message);
        }
    }

    // A consequence's own exception (a conflict above all) reaches the caller as it was thrown.
    private const BindingFlags Unwrapped = BindingFlags.DoNotWrapExceptions;

    private static Consequence Wrap(MethodInfo method)
    {
        var parameters = method.GetParameters();
        if (parameters.Length != 2 || parameters[1].ParameterType != typeof(IDocumentSession))
            throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} must take (message, IDocumentSession).");
        if (method.ReturnType == typeof(Task))
            return async (message, session) =>
            {
                await (Task)method.Invoke(null, Unwrapped, null, [message, session], null)!;
                return [];
            };
        if (method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            && typeof(IEnumerable<object>).IsAssignableFrom(method.ReturnType.GenericTypeArguments[0]))
            return async (message, session) =>
            {
                var task = (Task)method.Invoke(null, Unwrapped, null, [message, session], null)!;
                await task;
                return (IEnumerable<object>)task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task)!;
            };
        throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} must return Task or Task of the messages it tells.");
    }
}
