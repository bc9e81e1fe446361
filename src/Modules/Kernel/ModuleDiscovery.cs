using System.Reflection;
using Wolverine;

namespace Holded.Partners.Kernel;

/// <summary>
/// A handler class whose messages all update the same few documents (a module's replica of an account or a
/// collaboration): its queue handles one message at a time on each node, so they meet in turn rather than conflict.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OneAtATimeAttribute : Attribute;

/// <summary>Tells Wolverine to find a module's handlers and endpoints: without it, a class library's routes all 404.</summary>
public sealed class ModuleDiscovery(Assembly module) : IWolverineExtension
{
    public void Configure(WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(module);
        // Each handler class has its own local queue, named after it (MultipleHandlerBehavior.Separated).
        foreach (var handler in module.GetTypes().Where(t => t.GetCustomAttribute<OneAtATimeAttribute>() is not null))
            options.LocalQueue(handler.FullName!.ToLowerInvariant()).Sequential();
    }
}
