//! `ebd0`: the Poisson/binomial deviance term x log(x/M) + M - x in two parts, with a
//! table of logs split into float-sized pieces (Morten Welinder's method, used by R's
//! `dpois_raw` since R 4.1).

/// log(p / 1024) for p = round(1024 / (0.5 + i / 256)), i = 0..=128, as four f32 pieces
/// (23, 23, 23 and 24 significant bits) so that products with small integers are exact.
/// Generated with 80-digit arithmetic; stored as f32 bit patterns.
const BD0_SCALE: [[u32; 4]; 129] = [
    [0x3f317218, 0xb102e308, 0xa4ca86c4, 0x186ce601], // log(2048/1024)
    [0x3f2f7016, 0xb336df4c, 0xa6a8f2a0, 0x1a95fd24], // log(2032/1024)
    [0x3f2d6a02, 0x32c359f2, 0x26cfb29a, 0x1aaa5f02], // log(2016/1024)
    [0x3f2b8092, 0xb34f6ba8, 0xa679bee8, 0x19085bb8], // log(2001/1024)
    [0x3f299372, 0xb34dcc3a, 0xa71bc0ca, 0x1aab7f59], // log(1986/1024)
    [0x3f27a294, 0x31d65386, 0x25081f3a, 0x174e2085], // log(1971/1024)
    [0x3f25adec, 0xb33548ec, 0xa6c721e8, 0x9957dd4f], // log(1956/1024)
    [0x3f23d72a, 0xb355da8e, 0x260cdbcc, 0x19a2f04e], // log(1942/1024)
    [0x3f21fd00, 0xb368318c, 0xa7442c6c, 0x9a0c93e2], // log(1928/1024)
    [0x3f1ffd20, 0x330d213e, 0x250a8b20, 0x9927ab03], // log(1913/1024)
    [0x3f1e3e40, 0xae8cdfa4, 0x2282fe4a, 0x96e04b7e], // log(1900/1024)
    [0x3f1c5990, 0x3335abbc, 0x26df1c68, 0x9a83af4b], // log(1886/1024)
    [0x3f1a7144, 0x336ce70e, 0x2718b75c, 0x1b16c42e], // log(1872/1024)
    [0x3f18a892, 0x31617e30, 0xa521cb7e, 0x18d679bb], // log(1859/1024)
    [0x3f16dcaa, 0x333906f2, 0xa769cd82, 0x99f888bb], // log(1846/1024)
    [0x3f150d84, 0xb32b124a, 0x2753c31e, 0x1b42eeb2], // log(1833/1024)
    [0x3f133b10, 0x311a1870, 0xa3cb54ac, 0x16fc731b], // log(1820/1024)
    [0x3f118986, 0x333df5fa, 0x25a0b78e, 0x993c6e9b], // log(1808/1024)
    [0x3f0fd51a, 0x32b87094, 0x26c0c0be, 0x99e10bce], // log(1796/1024)
    [0x3f0df902, 0x319d4b10, 0x2597ca60, 0x19c84b60], // log(1783/1024)
    [0x3f0c3e72, 0xb203bc38, 0x2632ad40, 0x18f557eb], // log(1771/1024)
    [0x3f0a80e0, 0xb3203656, 0xa7739148, 0x1b2eec00], // log(1759/1024)
    [0x3f08e5c0, 0x333c3e68, 0xa677ee3c, 0x9929c067], // log(1748/1024)
    [0x3f07224c, 0x323a3992, 0xa60122a4, 0x1a3bd2d3], // log(1736/1024)
    [0x3f0581b6, 0x3334863a, 0x26ae8662, 0x99e0711e], // log(1725/1024)
    [0x3f03b838, 0xb253b4de, 0x25a2911a, 0x19b5d334], // log(1713/1024)
    [0x3f021206, 0xb2534356, 0xa5f7a358, 0x99ae7086], // log(1702/1024)
    [0x3f006916, 0x337e0708, 0x26b7701a, 0x9a8cd166], // log(1691/1024)
    [0x3efd7ac4, 0x32778f32, 0xa4932826, 0x96d8abca], // log(1680/1024)
    [0x3efa6c3e, 0x32ebdcc0, 0xa6d08a6c, 0x1a4bac63], // log(1670/1024)
    [0x3ef70a0a, 0x32976030, 0x25ee007e, 0x19fc419e], // log(1659/1024)
    [0x3ef3f196, 0xb2563cb6, 0xa4d3440c, 0x1891ae81], // log(1649/1024)
    [0x3ef08450, 0xb1bb45d2, 0xa5f82854, 0x16806b19], // log(1638/1024)
    [0x3eed61aa, 0xb0e9d356, 0x230c39a6, 0x967cbc81], // log(1628/1024)
    [0x3eea3a12, 0x303eddd6, 0xa3ead6d2, 0x172b7e55], // log(1618/1024)
    [0x3ee70d78, 0x32385f3e, 0x2637b7d2, 0x1a3caad1], // log(1608/1024)
    [0x3ee3dbcc, 0x32f61b76, 0xa683f14a, 0x9a650c1e], // log(1598/1024)
    [0x3ee0f782, 0x32e0efea, 0x26c44776, 0x9a7eb5c3], // log(1589/1024)
    [0x3eddbc08, 0x32a3c5fe, 0x26922dc6, 0x1af54ea9], // log(1579/1024)
    [0x3edaced0, 0xb2441584, 0x2518ab9e, 0x9946124d], // log(1570/1024)
    [0x3ed7894a, 0xb25b887a, 0x26311338, 0x198942bc], // log(1560/1024)
    [0x3ed492ea, 0xb20573a8, 0x262ba76a, 0x1a0424cb], // log(1551/1024)
    [0x3ed19820, 0x31013e98, 0x255cd2a8, 0x98d971c5], // log(1542/1024)
    [0x3ece98e0, 0xb2af6096, 0xa5a922f0, 0x18129168], // log(1533/1024)
    [0x3ecb951a, 0x3089a8ac, 0x23d2e04e, 0x17925b87], // log(1524/1024)
    [0x3ec88cc2, 0x3284caea, 0x269dfdae, 0x1a164eeb], // log(1515/1024)
    [0x3ec5d6cc, 0xb10eb0a2, 0x252dc904, 0x190f60ac], // log(1507/1024)
    [0x3ec2c5ac, 0xb20da33c, 0x252b655a, 0x9897ee06], // log(1498/1024)
    [0x3ebfafd0, 0x321d57a4, 0x26230cb2, 0x1a25723b], // log(1489/1024)
    [0x3ebcedb4, 0xb2bf282a, 0x26339ba8, 0x99d08fbd], // log(1481/1024)
    [0x3eba27c4, 0xb2e6070c, 0xa68f4e8c, 0x98b6035e], // log(1473/1024)
    [0x3eb70476, 0xb2aea2f0, 0xa6e39f64, 0x1a98c6b9], // log(1464/1024)
    [0x3eb43640, 0x32f4d8a6, 0xa689ddea, 0x98f7f58e], // log(1456/1024)
    [0x3eb16418, 0xb2546386, 0xa62d090a, 0x985d59fe], // log(1448/1024)
    [0x3eae8dee, 0xb027f636, 0x23a11b1c, 0x16771ff8], // log(1440/1024)
    [0x3eabb3b8, 0x32ba2ad4, 0xa69d5b2a, 0x9a135f26], // log(1432/1024)
    [0x3ea93170, 0xb28a33bc, 0xa5dcfb84, 0x9914a00c], // log(1425/1024)
    [0x3ea64f84, 0x32f0a962, 0xa56ef388, 0x197e9104], // log(1417/1024)
    [0x3ea3696c, 0x32e1402c, 0xa6c9b142, 0x1acfeeb4], // log(1409/1024)
    [0x3ea0dca0, 0x32e67060, 0xa68d2028, 0x19de01bb], // log(1402/1024)
    [0x3e9dee92, 0x326b14b6, 0x26212da4, 0x9966ed96], // log(1394/1024)
    [0x3e9b5abc, 0xb2143eee, 0xa61687a6, 0x1a1c223f], // log(1387/1024)
    [0x3e98c38e, 0x32154418, 0x259f572a, 0x9944c09b], // log(1380/1024)
    [0x3e95c982, 0xb1a8ec5c, 0x2593b4a6, 0x99fec295], // log(1372/1024)
    [0x3e932b10, 0xb26cc79e, 0x2652219c, 0x98ab742f], // log(1365/1024)
    [0x3e90892a, 0x32cc30b0, 0x2639e2e8, 0x1a25430f], // log(1358/1024)
    [0x3e8de3ca, 0x327d1c8c, 0x2643ce2e, 0x188b083e], // log(1351/1024)
    [0x3e8b3ae6, 0xb2a2a2d0, 0x266039cc, 0x19faae21], // log(1344/1024)
    [0x3e888e72, 0x2d7b9338, 0xa15c25ae, 0x1552526b], // log(1337/1024)
    [0x3e8640ea, 0x32060a86, 0x2610c300, 0x99e8b989], // log(1331/1024)
    [0x3e838dc2, 0x32fe6ac8, 0x2651d170, 0x19ff2f7c], // log(1324/1024)
    [0x3e80d6f2, 0xb1dd8c22, 0x25ed9e66, 0x190fab7e], // log(1317/1024)
    [0x3e7d00e2, 0xb1095068, 0xa4fb8fd8, 0x18f143d2], // log(1311/1024)
    [0x3e77856e, 0x31bdc594, 0xa59ade72, 0x9855e47c], // log(1304/1024)
    [0x3e72cc76, 0x322d43f2, 0xa609a5e8, 0x19e1675f], // log(1298/1024)
    [0x3e6d42ec, 0xb26f98d8, 0x234a60b6, 0x16c7ebf5], // log(1291/1024)
    [0x3e687dc0, 0xb1ddaa1a, 0xa5f52b20, 0x99467652], // log(1285/1024)
    [0x3e63b2dc, 0x32726b46, 0x262dacda, 0x19bb7b62], // log(1279/1024)
    [0x3e5ee236, 0xb20e5da8, 0x2616d008, 0x1a759416], // log(1273/1024)
    [0x3e593cc0, 0xb20dce70, 0x25bbab7c, 0x1997fab9], // log(1266/1024)
    [0x3e545f68, 0xb0ddf43a, 0x23c2e790, 0x17dce78c], // log(1260/1024)
    [0x3e4f7c1e, 0x3213b4d2, 0xa5c2ded0, 0x1846400c], // log(1254/1024)
    [0x3e4a92d4, 0x3267a2b6, 0xa5b89bec, 0x99f8ac74], // log(1248/1024)
    [0x3e45a37c, 0x3088d896, 0x24cf9082, 0x989141b7], // log(1242/1024)
    [0x3e418206, 0x3191bcf2, 0x25db8e38, 0x99cc866f], // log(1237/1024)
    [0x3e3c876a, 0x31ee2634, 0xa5c88564, 0x19ee8deb], // log(1231/1024)
    [0x3e378694, 0x31ae56b4, 0x25b9be4a, 0x9948c25d], // log(1225/1024)
    [0x3e327f74, 0x31825fc4, 0x25b7e514, 0x19c44254], // log(1219/1024)
    [0x3e2e4a00, 0x316b2e58, 0xa55948ce, 0x195ccde7], // log(1214/1024)
    [0x3e293730, 0xb262f25e, 0xa585d1c0, 0x186b71e6], // log(1208/1024)
    [0x3e241de6, 0x31ce6e3e, 0xa4ad6c6e, 0x961c969c], // log(1202/1024)
    [0x3e1fd92e, 0xb25356ba, 0x25adf35a, 0x9927008a], // log(1197/1024)
    [0x3e1b8fe2, 0xb27f0b84, 0xa5bc4326, 0x9993aa1d], // log(1192/1024)
    [0x3e166508, 0xb1a0a0da, 0xa5f78c8e, 0x19807704], // log(1186/1024)
    [0x3e121188, 0x321dd288, 0xa66801e4, 0x198b1320], // log(1181/1024)
    [0x3e0db956, 0x32297b3e, 0xa67eb7d0, 0x190d1cb3], // log(1176/1024)
    [0x3e087c72, 0x30894e6c, 0x2418f798, 0x18539f1b], // log(1170/1024)
    [0x3e0419c6, 0xb2002ebe, 0xa6330d4e, 0x180f89c5], // log(1165/1024)
    [0x3dff648a, 0xb1624154, 0xa4aaba36, 0x17ccfc99], // log(1160/1024)
    [0x3df68bca, 0x31683780, 0x253af22e, 0x98e8241f], // log(1155/1024)
    [0x3deda938, 0x2fc3ec94, 0xa307a952, 0x15c0fa56], // log(1150/1024)
    [0x3de4bcbc, 0x31578e92, 0xa184bbe8, 0x95c41ce5], // log(1145/1024)
    [0x3ddbc642, 0xb1a27892, 0xa5f7bde2, 0x18cf0328], // log(1140/1024)
    [0x3dd2c5b0, 0x3142b232, 0x246328e8, 0x18583586], // log(1135/1024)
    [0x3dc9baf2, 0x31aacaf6, 0x25ee1b9c, 0x1743644e], // log(1130/1024)
    [0x3dc0a5f2, 0xb1e039fe, 0xa51b8fc4, 0x992fa040], // log(1125/1024)
    [0x3db78694, 0x312e56b4, 0x2539be4a, 0x98c8c25d], // log(1120/1024)
    [0x3db032c6, 0xb1b6457a, 0x246c77ba, 0x17e27bc9], // log(1116/1024)
    [0x3da70088, 0x310a35ae, 0x24b9fbe6, 0x986946dc], // log(1111/1024)
    [0x3d9dc3ac, 0x31c58db8, 0xa5905652, 0x99b28c4a], // log(1106/1024)
    [0x3d947c1a, 0x30a1db52, 0xa422957c, 0x17cbb449], // log(1101/1024)
    [0x3d8d07de, 0xb1f203ae, 0x258ff30c, 0x194eb6e1], // log(1097/1024)
    [0x3d83acc2, 0xb12671b8, 0xa56cfe4c, 0x19266789], // log(1092/1024)
    [0x3d785186, 0x2d0b1534, 0xa17419b4, 0x94e9114d], // log(1088/1024)
    [0x3d657398, 0xb00d47be, 0xa42fc80a, 0x18139060], // log(1083/1024)
    [0x3d564b92, 0xb1747704, 0x24d3ef02, 0x98cddd3a], // log(1079/1024)
    [0x3d434542, 0xb0f7c094, 0x24ee2f66, 0x982c6928], // log(1074/1024)
    [0x3d33fca8, 0xb0f6b426, 0xa4783060, 0x97d894a7], // log(1070/1024)
    [0x3d24a566, 0x2fd36448, 0xa3e1d6a4, 0x95b6e334], // log(1066/1024)
    [0x3d11638e, 0xafc55f16, 0xa3bf383c, 0x94eee1f5], // log(1061/1024)
    [0x3d01eaec, 0x303ce7de, 0xa2ed3e26, 0x16273ac2], // log(1057/1024)
    [0x3ce4c68c, 0x30500c82, 0xa442a0b2, 0x18441e1b], // log(1053/1024)
    [0x3cc598fe, 0xb09ab280, 0x2461d5a4, 0x17db4ded], // log(1049/1024)
    [0x3c9e7522, 0x2f51a95e, 0xa34432d6, 0x97240acf], // log(1044/1024)
    [0x3c7e0546, 0xaff03fc2, 0x22f3e7b6, 0x169d34df], // log(1040/1024)
    [0x3c3ee23a, 0x307c0854, 0xa3922dae, 0x97d0fa7c], // log(1036/1024)
    [0x3bff0154, 0xafa77cc4, 0x230fc376, 0x1710391e], // log(1032/1024)
    [0x3b7f8056, 0xaf6a77a2, 0x201410d6, 0x142d369b], // log(1028/1024)
    [0x00000000, 0x00000000, 0x00000000, 0x00000000], // log(1024/1024)
];

fn scale(i: usize, j: usize) -> f64 {
    f32::from_bits(BD0_SCALE[i][j]) as f64
}

/// x * 2^e without intermediate overflow or underflow.
pub fn ldexp(x: f64, e: i32) -> f64 {
    let mut x = x;
    let mut e = e;
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e)
}

/// Mantissa in [0.5, 1) and exponent of a positive finite `v`.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let mut e = 0;
    let mut m = v;
    if m.abs() < f64::MIN_POSITIVE {
        m *= 2f64.powi(64);
        e -= 64;
    }
    let bits = m.to_bits();
    let ex = ((bits >> 52) & 0x7ff) as i32;
    e += ex - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// x log(x/M) + M - x as `(yh, yl)` with the sum yh + yl carrying extra precision.
pub fn ebd0(x: f64, m: f64) -> (f64, f64) {
    const SB: i32 = 10;
    const S: f64 = 1024.0;
    const N: i32 = 128;
    let (mut yh, mut yl) = (0.0f64, 0.0f64);
    if x == m {
        return (0.0, 0.0);
    }
    if x == 0.0 {
        return (m, 0.0);
    }
    if m == 0.0 {
        return (f64::INFINITY, 0.0);
    }
    if m / x == f64::INFINITY {
        return (m, 0.0);
    }
    let (r, e) = frexp(m / x);
    if std::f64::consts::LN_2 * (-e as f64) > 1.0 + f64::MAX / x {
        return (f64::INFINITY, 0.0);
    }
    let i = ((r - 0.5) * (2 * N) as f64 + 0.5).floor() as i32;
    let f = (S / (0.5 + i as f64 / (2.0 * N as f64)) + 0.5).floor();
    let fg = ldexp(f, -(e + SB));
    if fg == f64::INFINITY {
        return (fg, 0.0);
    }
    // adds d to (yh, yl): its integer part (nearest) to yh, the rest to yl
    let add1 = |yh: &mut f64, yl: &mut f64, d: f64| {
        let d1 = (d + 0.5).floor();
        *yh += d1;
        *yl += d - d1;
    };
    add1(
        &mut yh,
        &mut yl,
        -x * super::pgamma::log1pmx((m * fg - x) / x),
    );
    if fg == 1.0 {
        return (yh, yl);
    }
    for j in 0..4 {
        add1(&mut yh, &mut yl, x * scale(i as usize, j));
        add1(&mut yh, &mut yl, -x * scale(0, j) * e as f64);
        if !yh.is_finite() {
            return (f64::INFINITY, 0.0);
        }
    }
    add1(&mut yh, &mut yl, m);
    add1(&mut yh, &mut yl, -m * fg);
    (yh, yl)
}
