using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace OpenStackOrchestrator.Infrastructure
{
    /// <summary>A size in whole units: 1.5 is refused rather than rounded. PowerShell turns 1.5 into 2 (and 2.5 into
    /// 2) when it binds an int parameter, so New-OSVolume -SizeGB 1.5 would silently make a 2 GB volume.</summary>
    public sealed class WholeNumberAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject p ? p.BaseObject : inputData;
            if (value is IList list && !(value is string))
            {
                foreach (var item in list)
                    Check(item is PSObject pi ? pi.BaseObject : item);
                return inputData;
            }
            Check(value);
            return inputData;
        }

        private static void Check(object? value)
        {
            double number;
            switch (value)
            {
                case double d: number = d; break;
                case float f: number = f; break;
                case decimal m: number = (double)m; break;
                case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed): number = parsed; break;
                default: return;
            }
            if (double.IsNaN(number) || double.IsInfinity(number) || Math.Floor(number) != number)
                throw new ArgumentTransformationMetadataException(
                    $"{Convert.ToString(value, CultureInfo.InvariantCulture)} is not a whole number: give the size in whole units (it is not rounded).");
        }
    }
}
