# The font databases of the PostScript, PDF and Quartz devices: family name -> font description.

## The registered font families of each device kind (postscriptFonts, pdfFonts), by kind.
.font_db <- new.env()

## A Type 1 font family: its name, the AFM metric files of its plain, bold, italic, bold-italic and symbol faces, and an encoding.
Type1Font <- function(family, metrics, encoding = "default") {
    if (!is.character(family) || length(family) != 1L) stop("invalid family name in font specification")
    if (!is.character(metrics) || !(length(metrics) %in% 4:5)) stop("invalid metric information in font specification")
    if (length(metrics) == 4L) metrics <- c(metrics, "Symbol.afm")
    structure(list(family = family, metrics = metrics, encoding = encoding), class = "Type1Font")
}

## A CID-keyed (CJK) font family: its name, CMap, CMap encoding and PDF font resource.
CIDFont <- function(family, cmap, cmapEncoding, pdfresource = "") {
    if (!is.character(family) || length(family) != 1L) stop("invalid family name in font specification")
    structure(list(family = family, metrics = rep("", 5L), cmap = cmap, cmapEncoding = cmapEncoding, pdfresource = pdfresource), class = "CIDFont")
}

## The built-in Type 1 families, keyed by the names the devices know them by.
.type1_defaults <- function() {
    faces <- function(base, plain, bold, italic, bolditalic)
        Type1Font(base, c(paste0(base, c(plain, bold, italic, bolditalic), ".afm"), "Symbol.afm"))
    fams <- list(
        Times = faces("Times", "-Roman", "-Bold", "-Italic", "-BoldItalic"),
        Helvetica = faces("Helvetica", "", "-Bold", "-Oblique", "-BoldOblique"),
        Courier = faces("Courier", "", "-Bold", "-Oblique", "-BoldOblique"),
        AvantGarde = faces("AvantGarde", "-Book", "-Demi", "-BookOblique", "-DemiOblique"),
        Bookman = faces("Bookman", "-Light", "-Demi", "-LightItalic", "-DemiItalic"),
        `Helvetica-Narrow` = faces("Helvetica-Narrow", "", "-Bold", "-Oblique", "-BoldOblique"),
        NewCenturySchoolbook = faces("NewCenturySchlbk", "-Roman", "-Bold", "-Italic", "-BoldItalic"),
        Palatino = faces("Palatino", "-Roman", "-Bold", "-Italic", "-BoldItalic"))
    fams$NewCenturySchoolbook$family <- "NewCenturySchoolbook"
    c(list(serif = fams$Times, sans = fams$Helvetica, mono = fams$Courier), fams)
}

## Reads or extends one font database: no arguments gives all of it, names give those entries, name = font adds fonts.
.font_db_access <- function(key, defaults, classes, args) {
    db <- get0(key, envir = .font_db, inherits = FALSE)
    if (is.null(db)) db <- defaults
    if (!length(args)) return(db)
    nms <- names(args)
    if (is.null(nms) || all(!nzchar(nms))) {
        wanted <- unlist(args)
        if (!is.character(wanted)) stop("invalid arguments in font database request")
        return(db[wanted])
    }
    if (any(!nzchar(nms))) stop("invalid arguments in font database request (must all be named or all be unnamed)")
    for (n in nms) {
        f <- args[[n]]
        if (!inherits(f, classes)) stop("Invalid font type")
        db[[n]] <- f
    }
    assign(key, db, envir = .font_db)
    invisible()
}

## The PostScript device's font database: all of it, the named entries, or (name = Type1Font(...)) new entries.
postscriptFonts <- function(...) .font_db_access("ps", .type1_defaults(), c("Type1Font", "CIDFont"), list(...))

## The PDF device's font database: all of it, the named entries, or (name = Type1Font(...) / CIDFont(...)) new entries.
pdfFonts <- function(...) .font_db_access("pdf", .type1_defaults(), c("Type1Font", "CIDFont"), list(...))

## The Quartz device's font database: family -> the four face names (plain, bold, italic, bold italic).
quartzFonts <- function(...) .font_db_access("quartz", list(serif = c("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"), sans = c("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"), mono = c("Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique")), "character", list(...))

## A Quartz font family: the names of its four faces.
quartzFont <- function(family) {
    if (!is.character(family) || length(family) != 4L) stop("invalid Quartz font:  must be 4 strings")
    family
}
