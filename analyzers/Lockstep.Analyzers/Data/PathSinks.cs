using Lockstep.Analyzers.Flow;
using Lockstep.Analyzers.Symbols;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Data;

/// <summary>What a call does with a path passed to one of its parameters.</summary>
internal enum PathUse
{
    /// <summary>Nothing known: the path may be read as data.</summary>
    Unknown,

    /// <summary>A model artifact saved or loaded, or an output written: what holds this path holds no data.</summary>
    Artifact,

    /// <summary>Not read here as data — a message, a configuration file, a check, a comparison — though what holds it may be read elsewhere.</summary>
    NotRead,

    /// <summary>A URL, a route or a pattern: remote data may be named here, a local file is not.</summary>
    Address,

    /// <summary>The call's result carries the path on: <c>Path.Combine</c>, a helper of the project that returns a string, a stream opened for reading.</summary>
    PassThrough,
}

/// <summary>
/// The APIs whose path parameters decide LS2001–LS2004, resolved once per compilation: model artifacts (ML.NET
/// <c>Model.Save</c>/<c>Load</c>, ONNX, <c>PredictionEnginePool</c> registration, TorchSharp module save/load),
/// outputs and downloads written, messages printed, configuration read, and the calls that pass a path on.
/// </summary>
internal sealed class PathSinks
{
    private readonly ImmutableHashSet<IMethodSymbol> artifacts;
    private readonly ImmutableHashSet<IMethodSymbol> models;
    private readonly ImmutableHashSet<IMethodSymbol> notRead;
    private readonly ImmutableDictionary<IMethodSymbol, string> notDataParameter;
    private readonly ImmutableHashSet<IMethodSymbol> passThrough;
    private readonly ImmutableHashSet<IMethodSymbol> pathBuilders;
    private readonly ImmutableHashSet<IMethodSymbol> streamOpeners;
    private readonly INamedTypeSymbol? exception;
    private readonly INamedTypeSymbol? fileMode;
    private readonly INamedTypeSymbol? fileAccess;

    private readonly Compilation compilation;

    private PathSinks(Compilation compilation)
    {
        this.compilation = compilation;
        models = ModelArtifacts(compilation);
        artifacts = models.Union(Outputs(compilation));
        notRead = Messages(compilation).Union(Checks(compilation));
        notDataParameter = WrittenParameters(compilation);
        pathBuilders = SymbolSets.Methods(compilation, "System.IO.Path", "Combine", "Join");
        passThrough = pathBuilders.Union(SymbolSets.Methods(compilation, "System.IO.Path", "GetFullPath", "ChangeExtension"));
        streamOpeners = SymbolSets.Methods(compilation, "System.IO.File", "OpenRead", "Open");
        if (compilation.GetTypeByMetadataName("System.IO.FileStream") is { } fileStream)
        {
            streamOpeners = streamOpeners.Union(fileStream.InstanceConstructors);
        }

        exception = compilation.GetTypeByMetadataName("System.Exception");
        fileMode = compilation.GetTypeByMetadataName("System.IO.FileMode");
        fileAccess = compilation.GetTypeByMetadataName("System.IO.FileAccess");
    }

    public static PathSinks For(Compilation compilation) => new(compilation);

    /// <summary>What <paramref name="callee"/> does with the path given as <paramref name="argument"/>.</summary>
    public PathUse Classify(IMethodSymbol callee, IArgumentOperation argument)
    {
        if (argument.Parameter is { } target && IsAddressParameter(target))
        {
            return PathUse.Address;
        }

        if (artifacts.ContainsMethod(callee)
            || (notDataParameter.TryGetValue(callee.OriginalDefinition, out var parameter) && argument.Parameter?.Name == parameter))
        {
            return PathUse.Artifact;
        }

        if (notRead.ContainsMethod(callee) || (callee.MethodKind == MethodKind.Constructor && callee.ContainingType.DerivesFrom(exception)))
        {
            return PathUse.NotRead;
        }

        if (streamOpeners.ContainsMethod(callee))
        {
            return OpensForWriting(argument) ? PathUse.Artifact : PathUse.PassThrough;
        }

        return passThrough.ContainsMethod(callee) || IsProjectHelper(callee) ? PathUse.PassThrough : PathUse.Unknown;
    }

    /// <summary><c>File.OpenRead</c>, <c>File.Open</c>, <c>new FileStream(…)</c>.</summary>
    public bool IsStreamOpener(IMethodSymbol method) => streamOpeners.ContainsMethod(method);

    /// <summary>A call that saves or loads a model (not one that writes any output).</summary>
    public bool IsModelCall(IMethodSymbol method) => models.ContainsMethod(method);

    /// <summary><c>Path.Combine</c> or <c>Path.Join</c>: a folder and the names under it.</summary>
    public bool IsPathBuilder(IMethodSymbol method) => pathBuilders.ContainsMethod(method);

    /// <summary>True when every method is one whose path parameters are never data reads (for calls that did not bind).</summary>
    public bool AreAllNotData(ImmutableArray<ISymbol> candidates) =>
        !candidates.IsEmpty && candidates.All(candidate => candidate is IMethodSymbol method && (artifacts.ContainsMethod(method) || notRead.ContainsMethod(method)));

    /// <summary>A property whose value names a file for someone else: the name a browser saves a download under.</summary>
    public static bool IsNotDataProperty(IPropertySymbol property) =>
        property.Name == "FileDownloadName" && property.ContainingType.ToDisplayString() == "Microsoft.AspNetCore.Mvc.FileResult";

    // A relative path given as a URL, a route or a pattern is an address on a server, not a file of this machine.
    private static bool IsAddressParameter(IParameterSymbol parameter) =>
        parameter.Type.SpecialType == SpecialType.System_String
        && parameter.Name is "url" or "uri" or "requestUri" or "address" or "route" or "routeTemplate" or "pattern" or "template" or "searchPattern";

    /// <summary>A method of this project returning a string: <c>GetAbsolutePath(relative)</c> and its kind.</summary>
    public bool IsProjectHelper(IMethodSymbol method) =>
        method.ReturnType.SpecialType == SpecialType.System_String && IsInProject(method);

    /// <summary>Declared in the project being compiled (not in a referenced one, which the IDE also holds as source).</summary>
    public bool IsInProject(ISymbol symbol) => symbol.IsDeclaredIn(compilation);

    // File.Open(path, FileMode.Create) and new FileStream(path, FileMode.Create, …) write; FileMode.Open reads.
    private bool OpensForWriting(IArgumentOperation path)
    {
        if (path.Parent is not (IInvocationOperation or IObjectCreationOperation))
        {
            return false;
        }

        foreach (var sibling in path.Parent.ChildOperations.OfType<IArgumentOperation>())
        {
            var value = sibling.Value.WithoutConversions();
            if (value.ConstantValue is not { HasValue: true, Value: int constant })
            {
                continue;
            }

            var type = value.Type;
            if ((SymbolEqualityComparer.Default.Equals(type, fileMode) && constant is 1 or 2 or 5 or 6)
                || (SymbolEqualityComparer.Default.Equals(type, fileAccess) && constant is 2))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableHashSet<IMethodSymbol> ModelArtifacts(Compilation compilation) =>
        SymbolSets.Methods(compilation, "Microsoft.ML.ModelOperationsCatalog", "Save", "Load", "LoadWithDataLoader")
            .Union(SymbolSets.Methods(compilation, "Microsoft.ML.OnnxExportExtensions", "ConvertToOnnx"))
            .Union(SymbolSets.Methods(compilation, "Microsoft.Extensions.ML.BuilderExtensions", "FromFile", "FromUri"))
            .Union(SymbolSets.Methods(compilation, "TorchSharp.torch+nn+Module", "save", "load"))
            .Union(SymbolSets.Methods(compilation, "Microsoft.ML.Transforms.TimeSeries.TimeSeriesPredictionEngine`2", "CheckPoint"))
            .Union(SymbolSets.Methods(compilation, "Microsoft.ML.TensorflowCatalog", "LoadTensorFlowModel"))
            .Union(SymbolSets.Methods(compilation, "Lockstep.Sdk.ReportCardBuilder", "Write"));

    private static ImmutableHashSet<IMethodSymbol> Outputs(Compilation compilation)
    {
        var methods = SymbolSets.Methods(
            compilation,
            "System.IO.File",
            "WriteAllText", "WriteAllTextAsync", "WriteAllBytes", "WriteAllBytesAsync", "WriteAllLines", "WriteAllLinesAsync",
            "AppendAllText", "AppendAllTextAsync", "AppendAllLines", "AppendAllLinesAsync", "AppendText", "Create", "CreateText", "OpenWrite", "Delete")
            .Union(SymbolSets.Methods(compilation, "System.IO.Directory", "CreateDirectory", "Delete"))
            .Union(SymbolSets.Methods(compilation, "Microsoft.Data.Analysis.DataFrame", "SaveCsv", "WriteCsv"));
        if (compilation.GetTypeByMetadataName("System.IO.StreamWriter") is { } writer)
        {
            methods = methods.Union(writer.InstanceConstructors);
        }

        return methods;
    }

    // Text printed or logged, a configuration file, and a check for a file's existence are not data reads.
    private static ImmutableHashSet<IMethodSymbol> Messages(Compilation compilation) =>
        SymbolSets.Methods(compilation, "System.Console", "Write", "WriteLine")
            .Union(SymbolSets.Methods(compilation, "System.IO.TextWriter", "Write", "WriteLine", "WriteAsync", "WriteLineAsync"))
            .Union(SymbolSets.Methods(compilation, "System.Diagnostics.Debug", "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "Assert"))
            .Union(SymbolSets.Methods(compilation, "System.Diagnostics.Trace", "Write", "WriteLine", "WriteIf", "WriteLineIf", "TraceInformation", "TraceWarning", "TraceError"))
            .Union(SymbolSets.Methods(compilation, "System.String", "Format", "Equals", "Compare", "StartsWith", "EndsWith", "Contains", "IndexOf", "LastIndexOf", "Replace", "Split", "Trim", "TrimEnd", "TrimStart"))
            .Union(SymbolSets.Methods(compilation, "Microsoft.Extensions.Logging.LoggerExtensions", "Log", "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical"))
            .Union(SymbolSets.Methods(compilation, "Microsoft.Extensions.Configuration.JsonConfigurationExtensions", "AddJsonFile"));

    private static ImmutableHashSet<IMethodSymbol> Checks(Compilation compilation) =>
        SymbolSets.Methods(compilation, "System.IO.File", "Exists")
            .Union(SymbolSets.Methods(compilation, "System.IO.Directory", "Exists"))
            .Union(SymbolSets.Methods(compilation, "System.IO.Path", "GetFileName", "GetFileNameWithoutExtension", "GetExtension", "HasExtension"));

    /// <summary>Calls that read one path and write another: only the written one is not data.</summary>
    private static ImmutableDictionary<IMethodSymbol, string> WrittenParameters(Compilation compilation)
    {
        var builder = ImmutableDictionary.CreateBuilder<IMethodSymbol, string>(SymbolEqualityComparer.Default);
        void Add(string type, string parameter, params string[] methods)
        {
            foreach (var method in SymbolSets.Methods(compilation, type, methods))
            {
                builder[method] = parameter;
            }
        }

        Add("System.IO.File", "destFileName", "Copy", "Move");
        Add("System.Net.WebClient", "fileName", "DownloadFile", "DownloadFileAsync", "DownloadFileTaskAsync");
        Add("System.IO.Compression.ZipFile", "destinationArchiveFileName", "CreateFromDirectory");
        Add("System.IO.Compression.ZipFile", "destinationDirectoryName", "ExtractToDirectory");
        Add("Microsoft.ML.OnnxCatalog", "modelFile", "ApplyOnnxModel");
        return builder.ToImmutable();
    }
}
