// Disjoint sets of account ids with path halving and union by size; keeps each set's
// members so a group can be judged without scanning every account.

export class UnionFind {
  private readonly parent = new Map<string, string>();
  private readonly memberLists = new Map<string, string[]>();

  add(id: string): void {
    if (this.parent.has(id)) return;
    this.parent.set(id, id);
    this.memberLists.set(id, [id]);
  }

  find(id: string): string {
    let x = id;
    for (;;) {
      const p = this.parent.get(x);
      if (p === undefined) return id;
      if (p === x) return x;
      const gp = this.parent.get(p)!;
      this.parent.set(x, gp);
      x = gp;
    }
  }

  union(a: string, b: string): string {
    this.add(a);
    this.add(b);
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return ra;
    let la = this.memberLists.get(ra)!;
    let lb = this.memberLists.get(rb)!;
    if (la.length < lb.length) {
      [ra, rb] = [rb, ra];
      [la, lb] = [lb, la];
    }
    this.parent.set(rb, ra);
    for (const m of lb) la.push(m);
    this.memberLists.delete(rb);
    return ra;
  }

  members(id: string): string[] {
    return this.memberLists.get(this.find(id)) ?? [id];
  }
}
