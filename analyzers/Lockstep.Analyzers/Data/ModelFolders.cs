using System.Collections.Generic;
using System.Linq;
using Lockstep.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lockstep.Analyzers.Data;

/// <summary>
/// A pretrained model often comes as a folder: the graph or weights beside its label list or vocabulary
/// (<c>inception/tensorflow_inception_graph.pb</c> and <c>inception/imagenet_comp_graph_label_strings.txt</c>,
/// <c>model.onnx</c> and <c>labels.txt</c>). A file built with <c>Path.Combine</c>/<c>Path.Join</c> from the same folder
/// expression as a model file, or from a folder loaded as a model, belongs to the model, not to the data.
/// </summary>
internal static class ModelFolders
{
    private static readonly string[] ModelExtensions = ["onnx", "pb", "pt", "pth", "safetensors", "tflite", "ckpt", "mlmodel", "gguf"];

    /// <summary>The folder part of a <c>Path.Combine</c>/<c>Path.Join</c> call: every argument but the last, as written.</summary>
    public static string? FolderKey(IInvocationOperation combine)
    {
        var parts = PathArguments(combine);
        return parts.Count < 2 ? null : string.Join(",", parts.Take(parts.Count - 1).Select(Key));
    }

    /// <summary>The last argument of a <c>Path.Combine</c>/<c>Path.Join</c> call: the file name.</summary>
    public static IOperation? FileName(IInvocationOperation combine)
    {
        var parts = PathArguments(combine);
        return parts.Count < 2 ? null : parts[parts.Count - 1];
    }

    /// <summary>The key of a value passed whole as a folder (<c>LoadTensorFlowModel(modelLocation)</c>).</summary>
    public static string Key(IOperation value) => string.Concat(value.Syntax.ToString().Where(c => !char.IsWhiteSpace(c)));

    /// <summary>
    /// True when the value is, by its constant text, a model file of a format that holds nothing but a model:
    /// <c>model.onnx</c>, <c>graph.pb</c>, <c>weights.safetensors</c>. A <c>.zip</c> is not enough: ML.NET models and
    /// zipped datasets share folders.
    /// </summary>
    public static bool IsModelFile(IOperation value)
    {
        if (value.ConstantValue is not { HasValue: true, Value: string text })
        {
            return false;
        }

        var normal = DataPaths.Normalize(text);
        return ModelExtensions.Contains(DataPaths.Extension(normal), System.StringComparer.OrdinalIgnoreCase);
    }

    // The path arguments in order, whether passed one by one or as the params array the compiler builds.
    private static List<IOperation> PathArguments(IInvocationOperation combine)
    {
        var parts = new List<IOperation>();
        foreach (var argument in combine.Arguments)
        {
            if (argument.Value is IArrayCreationOperation { Initializer: { } initializer } && argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                parts.AddRange(initializer.ElementValues.Select(e => e.WithoutConversions()));
            }
            else
            {
                parts.Add(argument.Value.WithoutConversions());
            }
        }

        return parts;
    }

}
