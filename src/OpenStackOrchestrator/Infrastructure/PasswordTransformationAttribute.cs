using System;
using System.Management.Automation;
using System.Security;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>Lets -Password take a plain string (PowerCLI's Connect-VIServer -Password) as well as a SecureString:
    /// the string becomes a SecureString at binding, so no later message can show it.</summary>
    public sealed class PasswordTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly string _parameter;

        /// <param name="parameter">The parameter's name, for the message about a value of the wrong type.</param>
        public PasswordTransformationAttribute(string parameter = "Password") => _parameter = parameter;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case SecureString secure:
                    return secure;
                case string text:
                    return ToSecureString(text);
                case IConvertible convertible when !(value is Enum):
                    // -Password 1234 arrives as an int.
                    return ToSecureString(convertible.ToString(System.Globalization.CultureInfo.InvariantCulture));
                default:
                    // The value is not shown: it may be the password.
                    throw new ArgumentTransformationMetadataException(
                        $"-{_parameter} takes a string or a SecureString, not a {value.GetType().Name}.");
            }
        }

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
                secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
