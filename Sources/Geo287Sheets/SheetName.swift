import Foundation

/// What a sheet's file name says, read the same way everywhere (the catalog of a data root,
/// the reader, downloads): its kind, when the name holds `participating` or `pending` (not
/// both; any case), and its date, the first `YYYY-MM-DD` not run together with other digits.
public enum SheetName {
    public static func kind(_ path: String) -> SheetKind? {
        let name = (path as NSString).lastPathComponent.lowercased()
        switch (name.contains("participating"), name.contains("pending")) {
        case (true, false): return .participating
        case (false, true): return .pending
        default: return nil
        }
    }

    public static func date(_ path: String) -> SignedDate? {
        let name = Array((path as NSString).lastPathComponent)
        guard name.count >= 10 else { return nil }
        for i in 0...(name.count - 10) {
            if i > 0, name[i - 1].isNumber { continue }
            if let d = SignedDate(iso: String(name[i..<(i + 10)])),
               i + 10 >= name.count || !name[i + 10].isNumber {
                return d
            }
        }
        return nil
    }
}
