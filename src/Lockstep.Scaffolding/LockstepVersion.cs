using System.Reflection;

namespace Lockstep.Scaffolding;

/// <summary>The version of Lockstep the generated files install and reference (this assembly's, without build metadata).</summary>
public static class LockstepVersion
{
    public static string Current { get; } =
        (typeof(LockstepVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0")
        .Split('+')[0];
}
