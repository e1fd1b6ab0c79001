// netstandard2.0 lacks the marker type the compiler needs for init-only setters (the models' { get; init; }).
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
