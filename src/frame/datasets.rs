//! R's data sets (every one of the datasets package), embedded as the `.rds` files R
//! writes (`src/datasets/make.R` regenerates them) and read on first use with the
//! serialization reader, so each keeps R's exact types, classes and attributes.

use super::rds::{unserialize, Ctx};
use crate::error::RError;
use crate::value::Value;

/// The embedded files, by data set name.
const FILES: &[(&str, &[u8])] = &[
    ("AirPassengers", include_bytes!("../datasets/AirPassengers.rds")),
    ("BJsales", include_bytes!("../datasets/BJsales.rds")),
    ("BJsales.lead", include_bytes!("../datasets/BJsales.lead.rds")),
    ("BOD", include_bytes!("../datasets/BOD.rds")),
    ("CO2", include_bytes!("../datasets/CO2.rds")),
    ("ChickWeight", include_bytes!("../datasets/ChickWeight.rds")),
    ("DNase", include_bytes!("../datasets/DNase.rds")),
    ("EuStockMarkets", include_bytes!("../datasets/EuStockMarkets.rds")),
    ("Formaldehyde", include_bytes!("../datasets/Formaldehyde.rds")),
    ("HairEyeColor", include_bytes!("../datasets/HairEyeColor.rds")),
    ("Harman23.cor", include_bytes!("../datasets/Harman23.cor.rds")),
    ("Harman74.cor", include_bytes!("../datasets/Harman74.cor.rds")),
    ("Indometh", include_bytes!("../datasets/Indometh.rds")),
    ("InsectSprays", include_bytes!("../datasets/InsectSprays.rds")),
    ("JohnsonJohnson", include_bytes!("../datasets/JohnsonJohnson.rds")),
    ("LakeHuron", include_bytes!("../datasets/LakeHuron.rds")),
    ("LifeCycleSavings", include_bytes!("../datasets/LifeCycleSavings.rds")),
    ("Loblolly", include_bytes!("../datasets/Loblolly.rds")),
    ("Nile", include_bytes!("../datasets/Nile.rds")),
    ("Orange", include_bytes!("../datasets/Orange.rds")),
    ("OrchardSprays", include_bytes!("../datasets/OrchardSprays.rds")),
    ("PlantGrowth", include_bytes!("../datasets/PlantGrowth.rds")),
    ("Puromycin", include_bytes!("../datasets/Puromycin.rds")),
    ("Seatbelts", include_bytes!("../datasets/Seatbelts.rds")),
    ("Theoph", include_bytes!("../datasets/Theoph.rds")),
    ("Titanic", include_bytes!("../datasets/Titanic.rds")),
    ("ToothGrowth", include_bytes!("../datasets/ToothGrowth.rds")),
    ("UCBAdmissions", include_bytes!("../datasets/UCBAdmissions.rds")),
    ("UKDriverDeaths", include_bytes!("../datasets/UKDriverDeaths.rds")),
    ("UKgas", include_bytes!("../datasets/UKgas.rds")),
    ("USAccDeaths", include_bytes!("../datasets/USAccDeaths.rds")),
    ("USArrests", include_bytes!("../datasets/USArrests.rds")),
    ("USJudgeRatings", include_bytes!("../datasets/USJudgeRatings.rds")),
    ("USPersonalExpenditure", include_bytes!("../datasets/USPersonalExpenditure.rds")),
    ("UScitiesD", include_bytes!("../datasets/UScitiesD.rds")),
    ("VADeaths", include_bytes!("../datasets/VADeaths.rds")),
    ("WWWusage", include_bytes!("../datasets/WWWusage.rds")),
    ("WorldPhones", include_bytes!("../datasets/WorldPhones.rds")),
    ("ability.cov", include_bytes!("../datasets/ability.cov.rds")),
    ("airmiles", include_bytes!("../datasets/airmiles.rds")),
    ("airquality", include_bytes!("../datasets/airquality.rds")),
    ("anscombe", include_bytes!("../datasets/anscombe.rds")),
    ("attenu", include_bytes!("../datasets/attenu.rds")),
    ("attitude", include_bytes!("../datasets/attitude.rds")),
    ("austres", include_bytes!("../datasets/austres.rds")),
    ("beaver1", include_bytes!("../datasets/beaver1.rds")),
    ("beaver2", include_bytes!("../datasets/beaver2.rds")),
    ("cars", include_bytes!("../datasets/cars.rds")),
    ("chickwts", include_bytes!("../datasets/chickwts.rds")),
    ("co2", include_bytes!("../datasets/co2.rds")),
    ("crimtab", include_bytes!("../datasets/crimtab.rds")),
    ("discoveries", include_bytes!("../datasets/discoveries.rds")),
    ("esoph", include_bytes!("../datasets/esoph.rds")),
    ("euro", include_bytes!("../datasets/euro.rds")),
    ("euro.cross", include_bytes!("../datasets/euro.cross.rds")),
    ("eurodist", include_bytes!("../datasets/eurodist.rds")),
    ("faithful", include_bytes!("../datasets/faithful.rds")),
    ("fdeaths", include_bytes!("../datasets/fdeaths.rds")),
    ("freeny", include_bytes!("../datasets/freeny.rds")),
    ("freeny.x", include_bytes!("../datasets/freeny.x.rds")),
    ("freeny.y", include_bytes!("../datasets/freeny.y.rds")),
    ("infert", include_bytes!("../datasets/infert.rds")),
    ("iris", include_bytes!("../datasets/iris.rds")),
    ("iris3", include_bytes!("../datasets/iris3.rds")),
    ("islands", include_bytes!("../datasets/islands.rds")),
    ("ldeaths", include_bytes!("../datasets/ldeaths.rds")),
    ("lh", include_bytes!("../datasets/lh.rds")),
    ("longley", include_bytes!("../datasets/longley.rds")),
    ("lynx", include_bytes!("../datasets/lynx.rds")),
    ("mdeaths", include_bytes!("../datasets/mdeaths.rds")),
    ("morley", include_bytes!("../datasets/morley.rds")),
    ("mtcars", include_bytes!("../datasets/mtcars.rds")),
    ("nhtemp", include_bytes!("../datasets/nhtemp.rds")),
    ("nottem", include_bytes!("../datasets/nottem.rds")),
    ("npk", include_bytes!("../datasets/npk.rds")),
    ("occupationalStatus", include_bytes!("../datasets/occupationalStatus.rds")),
    ("precip", include_bytes!("../datasets/precip.rds")),
    ("presidents", include_bytes!("../datasets/presidents.rds")),
    ("pressure", include_bytes!("../datasets/pressure.rds")),
    ("quakes", include_bytes!("../datasets/quakes.rds")),
    ("randu", include_bytes!("../datasets/randu.rds")),
    ("rivers", include_bytes!("../datasets/rivers.rds")),
    ("rock", include_bytes!("../datasets/rock.rds")),
    ("sleep", include_bytes!("../datasets/sleep.rds")),
    ("stack.loss", include_bytes!("../datasets/stack.loss.rds")),
    ("stack.x", include_bytes!("../datasets/stack.x.rds")),
    ("stackloss", include_bytes!("../datasets/stackloss.rds")),
    ("state.abb", include_bytes!("../datasets/state.abb.rds")),
    ("state.area", include_bytes!("../datasets/state.area.rds")),
    ("state.center", include_bytes!("../datasets/state.center.rds")),
    ("state.division", include_bytes!("../datasets/state.division.rds")),
    ("state.name", include_bytes!("../datasets/state.name.rds")),
    ("state.region", include_bytes!("../datasets/state.region.rds")),
    ("state.x77", include_bytes!("../datasets/state.x77.rds")),
    ("sunspot.month", include_bytes!("../datasets/sunspot.month.rds")),
    ("sunspot.year", include_bytes!("../datasets/sunspot.year.rds")),
    ("sunspots", include_bytes!("../datasets/sunspots.rds")),
    ("swiss", include_bytes!("../datasets/swiss.rds")),
    ("treering", include_bytes!("../datasets/treering.rds")),
    ("trees", include_bytes!("../datasets/trees.rds")),
    ("uspop", include_bytes!("../datasets/uspop.rds")),
    ("volcano", include_bytes!("../datasets/volcano.rds")),
    ("warpbreaks", include_bytes!("../datasets/warpbreaks.rds")),
    ("women", include_bytes!("../datasets/women.rds")),
];

/// Names of the embedded data sets.
pub fn names() -> Vec<String> {
    FILES.iter().map(|(n, _)| n.to_string()).collect()
}

/// Builds the data set `name`, if there is one.
pub fn load(name: &str, ctx: &Ctx) -> Option<Result<Value, RError>> {
    let (_, bytes) = FILES.iter().find(|(n, _)| *n == name)?;
    let read = super::rds::compress::decompress(bytes)
        .map_err(RError::runtime)
        .and_then(|b| {
            unserialize(&b, ctx).map_err(|e| RError::runtime(format!("corrupt data set '{}': {:?}", name, e)))
        });
    Some(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Env;

    #[test]
    fn every_data_set_loads() {
        let base = Env::new(None);
        let ctx = Ctx { global: Env::new(Some(base.clone())), base };
        for n in names() {
            let v = load(&n, &ctx).expect("listed").unwrap_or_else(|e| panic!("{n}: {e:?}"));
            assert!(!v.is_null(), "{n}");
        }
        assert_eq!(names().len(), 104);
    }
}
