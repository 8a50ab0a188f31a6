import { generatePis } from '@brazilian-utils/brazilian-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessDays, Cnpj, Competence, Cpf, divRoundHalfUp, LocalDate, Money, Nit } from './index';

describe('Money', () => {
  it('parses decimal strings into exact cents and back', () => {
    expect(Money.parse('582.86')).toBe(58286);
    expect(Money.parse('0.1')).toBe(10);
    expect(Money.parse('-0.01')).toBe(-1);
    expect(Money.toDecimalString(Money.parse('1234.5'))).toBe('1234.50');
    expect(() => Money.parse('1,50')).toThrow(/formato/);
    expect(() => Money.parse('1.234')).toThrow();
  });
  it('formats in pt-BR', () => {
    expect(Money.format(123456789)).toBe('R$ 1.234.567,89');
    expect(Money.format(5)).toBe('R$ 0,05');
    expect(Money.format(-150)).toBe('-R$ 1,50');
  });
  it('round-trips any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(Money.parse(Money.toDecimalString(n))).toBe(n);
      }),
    );
  });
  it('rounds half away from zero', () => {
    expect(divRoundHalfUp(5n, 2n)).toBe(3n);
    expect(divRoundHalfUp(-5n, 2n)).toBe(-3n);
    expect(divRoundHalfUp(4n, 3n)).toBe(1n);
  });
});

describe('Competence', () => {
  it('does month arithmetic across years', () => {
    expect(Competence.add(Competence.parse('1994-07'), 6)).toBe('1995-01');
    expect(Competence.add(Competence.parse('2000-01'), -1)).toBe('1999-12');
    expect(Competence.diff(Competence.parse('1994-07'), Competence.parse('2025-06'))).toBe(371);
    expect(Competence.fromBr('03/2016')).toBe('2016-03');
    expect(() => Competence.parse('2025-13')).toThrow(/AAAA-MM/);
  });
});

describe('documents', () => {
  it('validates CPF, CNPJ and NIT check digits', () => {
    expect(Cpf.isValid('529.982.247-25')).toBe(true);
    expect(Cpf.isValid('529.982.247-26')).toBe(false);
    expect(Cpf.isValid('111.111.111-11')).toBe(false);
    expect(Cpf.mask('52998224725')).toBe('***.982.247-**');
    expect(Cnpj.isValid('11.222.333/0001-81')).toBe(true);
    expect(Cnpj.isValid('11.222.333/0001-80')).toBe(false);
    const nit = generatePis();
    expect(Nit.isValid(nit)).toBe(true);
    expect(Nit.isValid(nit.slice(0, 10) + String((Number(nit[10]) + 1) % 10))).toBe(false);
  });
});

describe('LocalDate and business days', () => {
  it('does calendar arithmetic independent of the host zone', () => {
    expect(LocalDate.addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(LocalDate.addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(LocalDate.daysBetween('2000-01-01', '2000-12-31')).toBe(365);
    expect(LocalDate.ofInstant(new Date('2025-01-01T02:00:00Z'))).toBe('2024-12-31');
    expect(LocalDate.isValid('2023-02-29')).toBe(false);
  });
  it('skips weekends and national holidays', () => {
    // 2025-04-18 is Sexta-feira Santa, 2025-04-21 Tiradentes (Monday).
    expect(BusinessDays.add('2025-04-17', 1)).toBe('2025-04-22');
    expect(BusinessDays.between('2025-04-17', '2025-04-22')).toBe(1);
    expect(BusinessDays.isBusinessDay('2025-12-25')).toBe(false);
    expect(BusinessDays.isBusinessDay('2025-12-26')).toBe(true);
  });
});
