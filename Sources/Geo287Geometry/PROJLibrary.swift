import CPROJ
import Foundation

/// PROJ's functions, loaded from libproj with `dlopen` the first time a transformer is made,
/// not linked: most commands never project, and libproj brings ~40 shared libraries (libtiff,
/// libcurl and theirs) whose loading was a sixth of a cold start. The header (`CPROJ`) still
/// gives the types and constants, so the signatures below are checked against it.
struct PROJLibrary: @unchecked Sendable {
    // @unchecked: C function pointers into a library that stays loaded for the process.
    let contextCreate: @convention(c) () -> OpaquePointer?
    let contextDestroy: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let logLevel: @convention(c) (OpaquePointer?, PJ_LOG_LEVEL) -> PJ_LOG_LEVEL
    let contextErrno: @convention(c) (OpaquePointer?) -> Int32
    let contextErrnoString: @convention(c) (OpaquePointer?, Int32) -> UnsafePointer<CChar>?
    let createCRSToCRS: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?, OpaquePointer?) -> OpaquePointer?
    let normalizeForVisualization: @convention(c) (OpaquePointer?, OpaquePointer?) -> OpaquePointer?
    let destroy: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let transGeneric: @convention(c) (OpaquePointer?, PJ_DIRECTION,
                                      UnsafeMutablePointer<Double>?, Int, Int, UnsafeMutablePointer<Double>?, Int, Int,
                                      UnsafeMutablePointer<Double>?, Int, Int, UnsafeMutablePointer<Double>?, Int, Int) -> Int
    let info: @convention(c) () -> PJ_INFO

    /// The names tried, in order: the development link (libproj-dev, which building geo287
    /// needs), then the runtime names of the PROJ 9 releases.
    static let names = ["libproj.so", "libproj.so.25", "libproj.so.26", "libproj.so.27", "libproj.so.28", "libproj.dylib"]

    /// The library, loaded once; the error names what could not be loaded.
    static let shared: Result<PROJLibrary, GeometryError> = load()

    /// The first of `names` that loads; an error naming why each did not, or what the loaded
    /// one lacks.
    static func load(names: [String] = names) -> Result<PROJLibrary, GeometryError> {
        var reasons: [String] = []
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                reasons.append(dlerror().map { String(cString: $0) } ?? name)
                continue
            }
            return Result { try PROJLibrary(handle: handle, name: name) }.mapError { $0 as? GeometryError ?? .proj(operation: "load", message: "\($0)") }
        }
        return .failure(.proj(operation: "load", message: "libproj could not be loaded (install libproj-dev): "
                              + reasons.joined(separator: "; ")))
    }

    /// Every function of the library `handle` (`name`, for the error when one is missing).
    private init(handle: UnsafeMutableRawPointer, name: String) throws {
        func symbol<F>(_ symbolName: String) throws -> F {
            guard let address = dlsym(handle, symbolName) else {
                throw GeometryError.proj(operation: "load", message: "\(name) has no \(symbolName) (PROJ 9 is needed)")
            }
            return unsafeBitCast(address, to: F.self)
        }
        contextCreate = try symbol("proj_context_create")
        contextDestroy = try symbol("proj_context_destroy")
        logLevel = try symbol("proj_log_level")
        contextErrno = try symbol("proj_context_errno")
        contextErrnoString = try symbol("proj_context_errno_string")
        createCRSToCRS = try symbol("proj_create_crs_to_crs")
        normalizeForVisualization = try symbol("proj_normalize_for_visualization")
        destroy = try symbol("proj_destroy")
        transGeneric = try symbol("proj_trans_generic")
        info = try symbol("proj_info")
    }
}
