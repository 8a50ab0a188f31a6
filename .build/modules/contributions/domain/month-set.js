class MonthSet {
  runs = [];
  // [from0, to0, from1, to1, ...], sorted, non-overlapping, non-adjacent
  add(m) {
    const r = this.runs;
    const n = r.length;
    if (n === 0) {
      this.runs = [m, m];
      return true;
    }
    if (m > r[n - 1]) {
      if (m === r[n - 1] + 1) r[n - 1] = m;
      else r.push(m, m);
      return true;
    }
    let lo = 0;
    let hi = n / 2;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (r[mid * 2 + 1] < m) lo = mid + 1;
      else hi = mid;
    }
    const k = lo * 2;
    if (r[k] <= m) return false;
    const joinsPrev = k > 0 && r[k - 1] === m - 1;
    const joinsNext = r[k] === m + 1;
    if (joinsPrev && joinsNext) r.splice(k - 1, 2);
    else if (joinsPrev) r[k - 1] = m;
    else if (joinsNext) r[k] = m;
    else r.splice(k, 0, m, m);
    return true;
  }
  has(m) {
    const r = this.runs;
    for (let k = 0; k < r.length; k += 2) if (r[k] <= m && m <= r[k + 1]) return true;
    return false;
  }
  get runCount() {
    return this.runs.length / 2;
  }
}
export {
  MonthSet
};
